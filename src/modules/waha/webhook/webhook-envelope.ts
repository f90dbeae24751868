import { createHash } from 'node:crypto';
import { isDirectChatId } from 'src/modules/contacts/phone-number';
import { InboxEventStatus } from '../inbox/waha-inbox-event.entity';

/** The events Robbot subscribes to; anything else WAHA sends is stored as ignored. */
export const CONSUMED_EVENTS = ['message', 'message.any', 'message.ack', 'session.status', 'message.revoked'] as const;
export type ConsumedEvent = (typeof CONSUMED_EVENTS)[number];

const MAX_ID_LENGTH = 100;
const MAX_SESSION_LENGTH = 54;
const MAX_EVENT_LENGTH = 40;

export type Classified =
  | { valid: false; problem: string }
  | { valid: true; eventId: string; event: string; status: InboxEventStatus.Pending | InboxEventStatus.Ignored; outcome: string | null };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 10_000): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isTimestamp = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The session name, read before anything else: it picks the HMAC key. */
export function sessionNameOf(body: unknown): string | null {
  return isObject(body) && isText(body.session, MAX_SESSION_LENGTH) ? body.session : null;
}

/**
 * Decides what an authenticated delivery is. WAHA retries every non-2xx fifteen times, so only a malformed
 * body is refused (400); events we do not consume and chats that are not a patient's are stored as ignored.
 */
export function classify(body: unknown, rawBody: Buffer): Classified {
  if (!isObject(body)) return invalid('body must be a JSON object');
  if (!isText(body.event, MAX_EVENT_LENGTH)) return invalid('"event" must be a non-empty string');
  if (body.id !== undefined && !isText(body.id, MAX_ID_LENGTH)) return invalid(`"id" must be a string of at most ${MAX_ID_LENGTH} characters`);
  if (body.timestamp !== undefined && body.timestamp !== null && !isTimestamp(body.timestamp)) return invalid('"timestamp" must be a positive number');
  // Old WAHA versions send no envelope id; a retry resends identical bytes, so their hash identifies it.
  const eventId = typeof body.id === 'string' ? body.id : `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
  const event = body.event;
  if (!(CONSUMED_EVENTS as readonly string[]).includes(event)) return ignored(eventId, event, `event "${event}" is not consumed`);
  if (!isObject(body.payload)) return invalid('"payload" must be an object');
  const problem = PAYLOAD_CHECKS[event as ConsumedEvent](body.payload);
  if (problem) return invalid(problem);
  const skip = skipReason(event as ConsumedEvent, body.payload);
  return skip ? ignored(eventId, event, skip) : { valid: true, eventId, event, status: InboxEventStatus.Pending, outcome: null };
}

const PAYLOAD_CHECKS: Record<ConsumedEvent, (payload: Json) => string | null> = {
  message: checkMessage,
  'message.any': checkMessage,
  'message.ack': (payload) => {
    if (!isText(payload.id, 300)) return 'payload.id must be a message id';
    if (typeof payload.ack !== 'number' || !Number.isInteger(payload.ack) || payload.ack < -1 || payload.ack > 4) return 'payload.ack must be an integer from -1 to 4';
    return null;
  },
  'session.status': (payload) => (isText(payload.status, 64) ? null : 'payload.status must be a string'),
  'message.revoked': (payload) => {
    const after = payload.after;
    if (!isText(payload.revokedMessageId, 300) && !(isObject(after) && isText(after.id, 300))) return 'payload.revokedMessageId or payload.after.id is required';
    return null;
  },
};

function checkMessage(payload: Json): string | null {
  if (!isText(payload.id, 300)) return 'payload.id must be a message id';
  if (!isText(payload.from, 100)) return 'payload.from must be a chat id';
  if (payload.to !== undefined && payload.to !== null && !isText(payload.to, 100)) return 'payload.to must be a chat id';
  if (typeof payload.fromMe !== 'boolean') return 'payload.fromMe must be a boolean';
  if (!isTimestamp(payload.timestamp)) return 'payload.timestamp must be a positive number';
  if (payload.body !== undefined && payload.body !== null && typeof payload.body !== 'string') return 'payload.body must be a string';
  if (typeof payload.body === 'string' && payload.body.length > 65_536) return 'payload.body is longer than 65536 characters';
  if (payload.hasMedia !== undefined && typeof payload.hasMedia !== 'boolean') return 'payload.hasMedia must be a boolean';
  if (payload.media !== undefined && payload.media !== null && !isObject(payload.media)) return 'payload.media must be an object';
  if (payload.location !== undefined && payload.location !== null && !isObject(payload.location)) return 'payload.location must be an object';
  if (payload.vCards !== undefined && payload.vCards !== null && !Array.isArray(payload.vCards)) return 'payload.vCards must be an array';
  return null;
}

/** The patient's chat: for our own messages the recipient, otherwise the sender (WAHA's rule for all engines). */
export function chatIdOf(payload: Json): string {
  return payload.fromMe === true ? String(payload.to ?? payload.from) : String(payload.from);
}

function skipReason(event: ConsumedEvent, payload: Json): string | null {
  if (event === 'message' || event === 'message.any') {
    if (!isDirectChatId(chatIdOf(payload)) || (typeof payload.participant === 'string' && payload.participant.length > 0)) {
      return 'not a direct chat (group, status, broadcast or channel)';
    }
    // Incoming messages come twice (`message` and `message.any`); `message` is the one we act on.
    if (event === 'message.any' && payload.fromMe !== true) return 'incoming message already delivered as "message"';
    if (event === 'message' && payload.fromMe === true) return 'own message on "message" (handled from "message.any")';
  }
  return null;
}

function invalid(problem: string): Classified {
  return { valid: false, problem };
}

function ignored(eventId: string, event: string, outcome: string): Classified {
  return { valid: true, eventId, event, status: InboxEventStatus.Ignored, outcome };
}
