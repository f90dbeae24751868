import { WahaMe, WahaSessionStatus } from 'src/modules/waha/client/waha.types';

/** Bodies and constants exactly as WAHA sends them (see /work/shared/waha.md). */

export const WAHA_VERSION = '2026.7.1';

export const FAKE_ENVIRONMENT = {
  version: WAHA_VERSION,
  engine: 'WEBJS',
  tier: 'CORE',
  browser: '/usr/bin/chromium',
  platform: 'linux/x64',
  worker: { id: null },
};

/** The clinic's account in the shared fixtures. */
export const FAKE_CLINIC_ME: WahaMe = { id: '551132104567@c.us', pushName: 'Clínica Vida Saudável', lid: '204815162342108@lid' };

// A valid 1×1 PNG, so code that decodes the QR image gets a real image.
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

// WEBJS puts a base64 JPEG thumbnail in the `body` of location messages.
export const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AJ//2Q==';

export const UNAUTHORIZED = { message: 'Unauthorized', statusCode: 401 };

export const SESSION_NOT_FOUND = { message: 'Session not found', error: 'Not Found', statusCode: 404 };

export const FILE_NOT_FOUND = { error: { code: 404, key: 'FILE_NOT_FOUND' } };

export function statusNotExpected(session: string, status: WahaSessionStatus, expected: WahaSessionStatus[]): Record<string, unknown> {
  return { error: 'Session status is not as expected. Try again later or restart the session', session, status, expected };
}

export function badRequest(messages: string[]): Record<string, unknown> {
  return { message: messages, error: 'Bad Request', statusCode: 400 };
}

export function unprocessable(message: string): Record<string, unknown> {
  return { message, error: 'Unprocessable Entity', statusCode: 422 };
}

export function cannotRoute(method: string, path: string): Record<string, unknown> {
  return { message: `Cannot ${method} ${path}`, error: 'Not Found', statusCode: 404 };
}

/** WAHA's body for an unexpected exception. */
export function unexpectedError(method: string, path: string, message = 'Something went wrong'): Record<string, unknown> {
  return {
    statusCode: 500,
    timestamp: new Date().toISOString(),
    exception: { message, name: 'Error', stack: `Error: ${message}\n    at FakeWaha` },
    request: { path, method, body: {}, query: {} },
    version: { ...FAKE_ENVIRONMENT },
  };
}
