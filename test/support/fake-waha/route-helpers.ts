import { FakeRequest, FakeResponse, FakeSession } from 'test/support/fake-waha/fake-waha.types';
import { FakeWahaState } from 'test/support/fake-waha/fake-waha.state';
import { SESSION_NOT_FOUND, statusNotExpected } from 'test/support/fake-waha/wire-bodies';

export interface FakeRoute {
  method: string;
  pattern: RegExp;
  handle(state: FakeWahaState, request: FakeRequest, params: string[]): FakeResponse | Promise<FakeResponse>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function json(status: number, body: unknown): FakeResponse {
  return { status, body };
}

/** Runs `handle` with the named session, or answers WAHA's 404. */
export function withSession(state: FakeWahaState, name: string, handle: (session: FakeSession) => FakeResponse): FakeResponse {
  const session = state.sessions.get(name);
  return session ? handle(session) : json(404, SESSION_NOT_FOUND);
}

/** Runs `handle` when the session is WORKING; otherwise WAHA's 422 "status is not as expected". */
export async function withWorkingSession(
  state: FakeWahaState,
  name: string,
  handle: (session: FakeSession) => FakeResponse,
): Promise<FakeResponse> {
  // WAHA waits (up to ~10 s) for a starting session before refusing.
  await state.sessions.settle(name);
  return withSession(state, name, (session) =>
    session.status === 'WORKING' ? handle(session) : json(422, statusNotExpected(name, session.status, ['WORKING'])),
  );
}
