import type { FakeWaha } from 'test/support/fake-waha.server';
import { buildMessageEvent } from 'test/support/fake-waha/event-builders';
import { FailMode, FakeRequest, FakeResponse } from 'test/support/fake-waha/fake-waha.types';
import { isRecord, json } from 'test/support/fake-waha/route-helpers';

/**
 * Developer control API of `npm run waha:fake` (no API key):
 *   POST /__fake/inbound {session, from, body}   a patient writes: `message` event to the session's webhook
 *   POST /__fake/status  {session, status}       status change plus its `session.status` event
 *   POST /__fake/fail    {mode, times?, pathPrefix?}  and  POST /__fake/heal
 *   GET  /__fake/requests | /__fake/sent | /__fake/sessions
 */
export async function handleControl(fake: FakeWaha, request: FakeRequest): Promise<FakeResponse> {
  const body = isRecord(request.body) ? request.body : {};
  const route = `${request.method} ${request.path}`;
  try {
    switch (route) {
      case 'POST /__fake/inbound':
        return await inbound(fake, body);
      case 'POST /__fake/status':
        return await status(fake, body);
      case 'POST /__fake/fail':
        return fail(fake, body);
      case 'POST /__fake/heal':
        fake.heal();
        return json(200, { healed: true });
      case 'GET /__fake/requests':
        return json(200, fake.requests);
      case 'GET /__fake/sent':
        return json(200, fake.sentMessages);
      case 'GET /__fake/sessions':
        return json(200, fake.listSessions());
      default:
        return json(404, { message: `Unknown control route ${route}` });
    }
  } catch (error: unknown) {
    if (error instanceof ControlInputError) return json(400, { message: error.message });
    // Most likely our app is not listening on the webhook URL.
    return json(502, { message: `webhook delivery failed: ${describeError(error)}` });
  }
}

class ControlInputError extends Error {}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || !value) throw new ControlInputError(`${name} is required`);
  return value;
}

async function inbound(fake: FakeWaha, body: Record<string, unknown>): Promise<FakeResponse> {
  const sessionName = typeof body.session === 'string' ? body.session : 'default';
  const session = fake.session(sessionName);
  if (!session) return json(404, { message: `No session ${sessionName}` });
  const from = stringField(body, 'from');
  const event = buildMessageEvent({
    session: sessionName,
    from: from.includes('@') ? from : `${from.replace(/\D/g, '')}@c.us`,
    body: typeof body.body === 'string' ? body.body : '',
    me: session.me ?? undefined,
  });
  const delivery = await fake.deliverFor(sessionName, event);
  return json(200, { eventId: event.id, messageId: event.payload.id, delivery });
}

async function status(fake: FakeWaha, body: Record<string, unknown>): Promise<FakeResponse> {
  const sessionName = typeof body.session === 'string' ? body.session : 'default';
  if (!fake.session(sessionName)) return json(404, { message: `No session ${sessionName}` });
  fake.setSessionStatus(sessionName, stringField(body, 'status'));
  // With emitStatusEvents the change above already posted the event.
  const hasWebhook = Boolean(fake.session(sessionName)?.config?.webhooks?.[0]);
  const delivery = fake.emitsStatusEvents || !hasWebhook ? null : await fake.emitSessionStatus(sessionName);
  return json(200, { session: sessionName, status: fake.session(sessionName)?.status, delivery });
}

function fail(fake: FakeWaha, body: Record<string, unknown>): FakeResponse {
  const mode = stringField(body, 'mode');
  if (mode !== '5xx' && mode !== '4xx' && mode !== 'timeout') throw new ControlInputError('mode must be 5xx, 4xx or timeout');
  fake.failWith(mode as FailMode, {
    times: typeof body.times === 'number' ? body.times : undefined,
    pathPrefix: typeof body.pathPrefix === 'string' ? body.pathPrefix : undefined,
  });
  return json(200, { failing: mode });
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = isRecord(error.cause) && typeof error.cause.code === 'string' ? ` (${error.cause.code})` : '';
  return `${error.message}${cause}`;
}
