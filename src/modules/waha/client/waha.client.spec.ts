import { Logger } from '@nestjs/common';
import { WahaClient } from 'src/modules/waha/client/waha.client';
import {
  isWahaError,
  WahaClientError,
  WahaInvalidResponseError,
  WahaServerError,
  WahaTimeoutError,
  WahaUnreachableError,
} from 'src/modules/waha/client/waha.errors';
import { FakeWaha, TINY_PNG } from 'test/support/fake-waha.server';
import { useFakeWaha, wahaClientFor } from 'test/support/fake-waha/waha-client.factory';

const API_KEY = 'test-waha-key-0123456789';

describe(WahaClient.name, () => {
  const context = useFakeWaha({ apiKey: API_KEY });
  let fake: FakeWaha;
  let sut: WahaClient;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    ({ fake, client: sut } = context);
  });

  describe('ping', () => {
    it('should succeed without an api key, as /ping is open', async () => {
      await wahaClientFor(fake, { apiKey: undefined }).ping();
      expect(fake.requestsTo('/ping')[0].headers['x-api-key']).toBeUndefined();
    });
  });

  describe('authentication', () => {
    it('should send X-Api-Key and Accept: application/json', async () => {
      await sut.listSessions();
      const [request] = fake.requestsTo('/api/sessions');
      expect(request.headers['x-api-key']).toBe(API_KEY);
      expect(request.headers.accept).toBe('application/json');
    });

    it('should throw a non-retryable 401 WahaClientError when the key is wrong', async () => {
      const error = await wahaClientFor(fake, { apiKey: 'wrong' }).listSessions().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WahaClientError);
      expect(error).toMatchObject({ kind: 'client', status: 401, retryable: false, wahaMessage: 'Unauthorized', operation: 'listSessions' });
    });
  });

  describe('sessions', () => {
    it('should create a session sending start: true explicitly and the config', async () => {
      const config = { webhooks: [{ url: 'http://127.0.0.1:3000/api/v1/webhooks/waha', events: ['message'], hmac: { key: 'k' } }] };
      const created = await sut.createSession({ name: 'default', config });
      expect(created).toMatchObject({ name: 'default', status: 'STARTING' });
      expect(fake.requestsTo('/api/sessions')[0].body).toEqual({ name: 'default', start: true, config });
      expect((await sut.getSession('default')).status).toBe('SCAN_QR_CODE');
    });

    it('should send start: false when asked and leave the session STOPPED', async () => {
      await sut.createSession({ name: 'quiet', start: false });
      expect(fake.requestsTo('/api/sessions')[0].body).toEqual({ name: 'quiet', start: false });
      expect(await sut.listSessions()).toEqual([expect.objectContaining({ name: 'quiet', status: 'STOPPED' })]);
      expect(fake.requestsTo('/api/sessions')[1].query).toEqual({ all: 'true' });
    });

    it('should throw a 422 WahaClientError with WAHA message when the name exists', async () => {
      await sut.createSession({ name: 'default' });
      await expect(sut.createSession({ name: 'default' })).rejects.toMatchObject({ status: 422, wahaMessage: expect.stringContaining('already exists') });
    });

    it('should throw a 404 WahaClientError for an unknown session', async () => {
      await expect(sut.getSession('ghost')).rejects.toMatchObject({ kind: 'client', status: 404, wahaMessage: 'Session not found' });
    });

    it('should walk the lifecycle: stop, start, restart, logout, delete', async () => {
      fake.seedSession('default');
      expect((await sut.stopSession('default')).status).toBe('STOPPED');
      expect((await sut.startSession('default')).status).toBe('STARTING');
      expect((await sut.getSession('default')).status).toBe('WORKING');
      expect((await sut.restartSession('default')).status).toBe('STARTING');
      await sut.logoutSession('default');
      expect((await sut.getSession('default')).status).toBe('SCAN_QR_CODE');
      await sut.deleteSession('default');
      await sut.deleteSession('default');
      expect(await sut.listSessions()).toEqual([]);
    });

    it('should return null from getMe before WORKING and the account after', async () => {
      fake.seedSession('default', { status: 'SCAN_QR_CODE' });
      expect(await sut.getMe('default')).toBeNull();
      fake.setSessionStatus('default', 'WORKING', { id: '551132104567@c.us', pushName: 'Clínica' });
      expect(await sut.getMe('default')).toEqual({ id: '551132104567@c.us', pushName: 'Clínica' });
    });
  });

  describe('QR', () => {
    beforeEach(() => fake.seedSession('default', { status: 'SCAN_QR_CODE' }));

    it('should fetch the PNG bytes with Accept: image/png', async () => {
      const image = await sut.getQrImage('default');
      expect(image.equals(TINY_PNG)).toBe(true);
      const [request] = fake.requestsTo('/api/default/auth/qr');
      expect(request.headers.accept).toBe('image/png');
      expect(request.query).toEqual({ format: 'image' });
    });

    it('should fetch the raw QR value', async () => {
      expect(await sut.getQrRaw('default')).toMatch(/^2@/);
      expect(fake.requestsTo('/api/default/auth/qr')[0].query).toEqual({ format: 'raw' });
    });

    it('should decode a JSON {mimetype, data} answer to the same PNG', async () => {
      fake.respondWith('GET', '/api/default/auth/qr', { status: 200, body: { mimetype: 'image/png', data: TINY_PNG.toString('base64') } });
      expect((await sut.getQrImage('default')).equals(TINY_PNG)).toBe(true);
    });

    it('should throw a 422 naming the session status when the session is not SCAN_QR_CODE', async () => {
      fake.setSessionStatus('default', 'WORKING');
      const error = await sut.getQrImage('default').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WahaClientError);
      expect(error).toMatchObject({ status: 422, sessionStatus: 'WORKING', sessionNotReady: true, retryable: false });
      expect((error as WahaClientError).wahaMessage).toContain('Session status is not as expected');
    });
  });

  describe('error mapping', () => {
    it('should map a 5xx to a retryable WahaServerError with WAHA exception message', async () => {
      fake.failWith('5xx', { times: 1 });
      const error = await sut.listSessions().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WahaServerError);
      expect(error).toMatchObject({ kind: 'server', status: 500, retryable: true, wahaMessage: 'Something went wrong' });
      await expect(sut.listSessions()).resolves.toEqual([]);
    });

    it('should not retry a 501 (feature missing in WAHA Core)', async () => {
      fake.respondWith('POST', '/api/sendVideo', { status: 501, body: { message: 'Not Implemented', statusCode: 501 } });
      const file = { mimetype: 'video/mp4', url: 'https://files.example/v.mp4' };
      await expect(sut.sendVideo({ session: 'default', chatId: '5511987654321@c.us', file })).rejects.toMatchObject({ status: 501, retryable: false });
    });

    it('should join class-validator messages of a 400', async () => {
      fake.failWith('4xx', { status: 400 });
      await expect(sut.listSessions()).rejects.toMatchObject({ status: 400, wahaMessage: 'chatId should not be empty' });
    });

    it('should map a 4xx with an `error` field to WahaClientError keeping the message', async () => {
      fake.failWith('4xx', { pathPrefix: '/api/sessions' });
      await expect(sut.getSession('default')).rejects.toMatchObject({
        kind: 'client',
        status: 422,
        wahaMessage: 'Session status is not as expected. Try again later or restart the session',
      });
    });

    it('should throw a retryable WahaTimeoutError when WAHA does not answer in time', async () => {
      fake.failWith('timeout');
      const error = await sut.listSessions({ timeoutMs: 100 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WahaTimeoutError);
      expect(error).toMatchObject({ kind: 'timeout', retryable: true, timeoutMs: 100 });
    });

    it('should throw a retryable WahaUnreachableError when the connection breaks or is refused', async () => {
      await sut.ping();
      await fake.goDown();
      try {
        // The pooled keep-alive socket may fail first ("other side closed"); a new connection is refused.
        const broken = await sut.ping().catch((e: unknown) => e);
        expect(broken).toBeInstanceOf(WahaUnreachableError);
        expect(broken).toMatchObject({ kind: 'unreachable', retryable: true });
        const refused = await sut.ping().catch((e: unknown) => e);
        expect(refused).toMatchObject({ kind: 'unreachable', retryable: true, code: 'ECONNREFUSED' });
      } finally {
        await fake.comeBack();
      }
      await expect(sut.ping()).resolves.toBeUndefined();
    });

    it('should throw a retryable WahaInvalidResponseError for a non-JSON 2xx', async () => {
      fake.respondWith('GET', '/api/sessions', { status: 200, raw: Buffer.from('<html>proxy</html>'), contentType: 'text/html' });
      const error = await sut.listSessions().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WahaInvalidResponseError);
      expect(error).toMatchObject({ kind: 'invalid-response', retryable: true });
    });

    it('should never put the chat id in the error message', async () => {
      fake.failWith('5xx');
      const error = await sut.getChatMessages('default', '5511987654321@c.us', { limit: 5 }).catch((e: unknown) => e);
      expect(String((error as Error).message)).not.toContain('5511987654321');
    });
  });

  describe(isWahaError.name, () => {
    it('should recognise WAHA errors only', async () => {
      fake.failWith('5xx', { times: 1 });
      expect(isWahaError(await sut.ping().catch((e: unknown) => e))).toBe(true);
      expect(isWahaError(new Error('x'))).toBe(false);
      expect(isWahaError(null)).toBe(false);
    });
  });
});
