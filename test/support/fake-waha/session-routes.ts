import { WahaSessionConfig } from 'src/modules/waha/client/waha.types';
import { FakeRequest, FakeResponse } from 'test/support/fake-waha/fake-waha.types';
import { FakeWahaState } from 'test/support/fake-waha/fake-waha.state';
import { FakeRoute, isRecord, json, withSession } from 'test/support/fake-waha/route-helpers';
import { SESSION_NAME_PATTERN } from 'test/support/fake-waha/session-store';
import { badRequest, statusNotExpected, TINY_PNG, unprocessable } from 'test/support/fake-waha/wire-bodies';

const ACTIONS = { start: 'start', stop: 'stop', restart: 'restart', logout: 'logout' } as const;

function createSession(state: FakeWahaState, request: FakeRequest): FakeResponse {
  const body = isRecord(request.body) ? request.body : {};
  const name = typeof body.name === 'string' ? body.name : 'default';
  if (!SESSION_NAME_PATTERN.test(name)) return json(400, badRequest(['name must match /^[a-zA-Z0-9_-]*$/ and be at most 54 characters']));
  if (state.sessions.get(name)) return json(422, unprocessable(`Session '${name}' already exists. Use PUT to update it.`));
  const config = isRecord(body.config) ? (body.config as WahaSessionConfig) : null;
  const session = state.sessions.create(name, body.start === true, config);
  return json(201, state.sessions.info(session));
}

function sessionAction(state: FakeWahaState, name: string, action: keyof typeof ACTIONS): FakeResponse {
  return withSession(state, name, (session) => {
    state.sessions[action](session);
    return json(201, state.sessions.info(session));
  });
}

/**
 * QR per format and Accept header. WAHA compares Accept with `application/json` for exact equality, so
 * anything else (browsers, axios' default) gets the PNG bytes.
 */
async function qr(state: FakeWahaState, request: FakeRequest, name: string): Promise<FakeResponse> {
  await state.sessions.settle(name);
  return withSession(state, name, (session) => {
    if (session.status !== 'SCAN_QR_CODE') return json(422, statusNotExpected(name, session.status, ['SCAN_QR_CODE']));
    if (request.query.get('format') === 'raw') return json(200, { value: `2@fake-qr-${name}-${session.statuses.at(-1)?.timestamp ?? 0}` });
    if (request.headers.accept === 'application/json') return json(200, { mimetype: 'image/png', data: TINY_PNG.toString('base64') });
    return { status: 200, raw: TINY_PNG, contentType: 'image/png' };
  });
}

export const SESSION_ROUTES: FakeRoute[] = [
  {
    method: 'GET',
    pattern: /^\/api\/sessions$/,
    handle: (state, request) => {
      const all = request.query.get('all') === 'true';
      const sessions = state.sessions.list().filter((session) => all || session.status !== 'STOPPED');
      return json(200, sessions.map((session) => state.sessions.info(session)));
    },
  },
  { method: 'POST', pattern: /^\/api\/sessions$/, handle: createSession },
  { method: 'GET', pattern: /^\/api\/sessions\/([^/]+)$/, handle: (state, _, [name]) => withSession(state, name, (s) => json(200, state.sessions.info(s))) },
  {
    method: 'PUT',
    pattern: /^\/api\/sessions\/([^/]+)$/,
    handle: (state, request, [name]) =>
      withSession(state, name, (session) => {
        session.config = isRecord(request.body) && isRecord(request.body.config) ? (request.body.config as WahaSessionConfig) : null;
        if (session.status !== 'STOPPED') state.sessions.restart(session);
        return json(200, state.sessions.info(session));
      }),
  },
  {
    // Idempotent: deleting an unknown session is not an error.
    method: 'DELETE',
    pattern: /^\/api\/sessions\/([^/]+)$/,
    handle: (state, _, [name]) => {
      state.sessions.delete(name);
      return { status: 200 };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/sessions\/([^/]+)\/(start|stop|restart|logout)$/,
    handle: (state, _, [name, action]) => sessionAction(state, name, action as keyof typeof ACTIONS),
  },
  {
    // NestJS answers an empty body for a null result.
    method: 'GET',
    pattern: /^\/api\/sessions\/([^/]+)\/me$/,
    handle: (state, _, [name]) => withSession(state, name, (session) => (session.me ? json(200, session.me) : { status: 200 })),
  },
  { method: 'GET', pattern: /^\/api\/([^/]+)\/auth\/qr$/, handle: (state, request, [name]) => qr(state, request, name) },
];
