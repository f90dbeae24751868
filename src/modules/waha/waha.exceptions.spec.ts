import { WahaClientError, WahaInvalidResponseError, WahaServerError, WahaTimeoutError, WahaUnreachableError } from './client/waha.errors';
import { fromWahaError, isWahaNotFound, isWahaUnavailable } from './waha.exceptions';

const operation = 'getSession';

describe('waha.exceptions', () => {
  describe(fromWahaError.name, () => {
    it.each([
      ['a 5xx', new WahaServerError({ operation, status: 500 })],
      ['a timeout', new WahaTimeoutError({ operation }, 2_000)],
      ['an unreachable WAHA', new WahaUnreachableError({ operation }, 'ECONNREFUSED')],
      ['a garbled answer', new WahaInvalidResponseError({ operation }, 'expected JSON')],
      ['a refused API key', new WahaClientError({ operation, status: 401, wahaMessage: 'Unauthorized' })],
    ])('should turn %s into 502 WAHA_UNAVAILABLE', (_case, error) => {
      expect(fromWahaError(error)).toMatchObject({ code: 'WAHA_UNAVAILABLE', status: 502 });
      expect(isWahaUnavailable(error)).toBe(true);
    });

    it('should pass on WAHA’s refusal as 502 WAHA_REJECTED with its message', () => {
      const error = new WahaClientError({ operation, status: 400, wahaMessage: 'name must match' });
      expect(fromWahaError(error)).toMatchObject({ code: 'WAHA_REJECTED', status: 502, details: { status: 400, waha_message: 'name must match' } });
      expect(isWahaUnavailable(error)).toBe(false);
    });

    it('should leave other errors alone', () => {
      const error = new Error('bug');
      expect(fromWahaError(error)).toBe(error);
    });
  });

  describe(isWahaNotFound.name, () => {
    it('should recognise WAHA’s 404 only', () => {
      expect(isWahaNotFound(new WahaClientError({ operation, status: 404 }))).toBe(true);
      expect(isWahaNotFound(new WahaClientError({ operation, status: 422 }))).toBe(false);
      expect(isWahaNotFound(new WahaServerError({ operation, status: 500 }))).toBe(false);
    });
  });
});
