import { createHash } from 'node:crypto';
import { InboxEventStatus } from '../inbox/waha-inbox-event.entity';
import { chatIdOf, classify, CONSUMED_EVENTS, sessionNameOf } from './webhook-envelope';

const PATIENT = '5511987654321@c.us';
const CLINIC = '551132104567@c.us';

type Json = Record<string, unknown>;

function messagePayload(overrides: Json = {}): Json {
  return {
    id: `false_${PATIENT}_AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01`,
    timestamp: 1784553312,
    from: PATIENT,
    fromMe: false,
    source: 'app',
    to: CLINIC,
    body: 'Boa tarde!',
    hasMedia: false,
    media: null,
    ack: 1,
    location: null,
    vCards: [],
    ...overrides,
  };
}

function envelope(overrides: Json = {}): Json {
  return { id: 'evt_01kxztn471j4ba574vwnv4np6f', timestamp: 1784553312481, event: 'message', session: 'default', payload: messagePayload(), ...overrides };
}

/** classify() as the service calls it: the parsed body plus the exact bytes. */
function run(body: unknown) {
  return classify(body, Buffer.from(JSON.stringify(body) ?? 'null'));
}

describe('webhook-envelope', () => {
  describe('sessionNameOf', () => {
    it('should return the session when it is a non-empty string of at most 54 characters', () => {
      expect(sessionNameOf({ session: 'default' })).toBe('default');
      expect(sessionNameOf({ session: 'a'.repeat(54) })).toBe('a'.repeat(54));
    });

    it.each([
      ['the body is not an object', 'default'],
      ['the body is null', null],
      ['the body is an array', [{ session: 'default' }]],
      ['session is missing', {}],
      ['session is empty', { session: '' }],
      ['session is a number', { session: 42 }],
      ['session is longer than 54 characters', { session: 'a'.repeat(55) }],
    ])('should return null when %s', (_case, body) => {
      expect(sessionNameOf(body)).toBeNull();
    });
  });

  describe('classify', () => {
    it('should accept a patient message as pending under its envelope id', () => {
      expect(run(envelope())).toEqual({
        valid: true,
        eventId: 'evt_01kxztn471j4ba574vwnv4np6f',
        event: 'message',
        status: InboxEventStatus.Pending,
        outcome: null,
      });
    });

    it('should use the sha256 of the raw bytes as event id when the envelope has no id (old WAHA)', () => {
      const body = envelope({ id: undefined });
      const raw = Buffer.from(JSON.stringify(body));
      const result = classify(body, raw);
      expect(result).toMatchObject({ valid: true, eventId: `sha256:${createHash('sha256').update(raw).digest('hex')}` });
    });

    it('should give identical bytes the same hash id and different bytes a different one', () => {
      const body = envelope({ id: undefined });
      const first = classify(body, Buffer.from(JSON.stringify(body)));
      const again = classify(body, Buffer.from(JSON.stringify(body)));
      const other = classify(body, Buffer.from(`${JSON.stringify(body)} `));
      expect(first).toEqual(again);
      expect(first.valid && other.valid && first.eventId !== other.eventId).toBe(true);
    });

    it('should accept a null or missing envelope timestamp (WAHA before 2025.3.1)', () => {
      expect(run(envelope({ timestamp: null })).valid).toBe(true);
      expect(run(envelope({ timestamp: undefined })).valid).toBe(true);
    });

    it.each([
      ['the body is not an object', 'message', /JSON object/],
      ['the body is an array', [envelope()], /JSON object/],
      ['the body is null', null, /JSON object/],
    ])('should refuse the body when %s', (_case, body, problem) => {
      expect(run(body)).toEqual({ valid: false, problem: expect.stringMatching(problem) });
    });

    it.each([
      ['event is a number', { event: 42 }, /"event"/],
      ['event is missing', { event: undefined }, /"event"/],
      ['event is empty', { event: '' }, /"event"/],
      ['event is longer than 40 characters', { event: 'm'.repeat(41) }, /"event"/],
      ['id is a number', { id: 123 }, /"id"/],
      ['id is empty', { id: '' }, /"id"/],
      ['id is longer than 100 characters', { id: `evt_${'x'.repeat(97)}` }, /"id"/],
      ['timestamp is a string', { timestamp: '1784553312481' }, /"timestamp"/],
      ['timestamp is zero', { timestamp: 0 }, /"timestamp"/],
      ['timestamp is negative', { timestamp: -5 }, /"timestamp"/],
      ['payload is missing', { payload: undefined }, /"payload"/],
      ['payload is an array', { payload: [messagePayload()] }, /"payload"/],
      ['payload is a string', { payload: 'hello' }, /"payload"/],
    ])('should refuse the envelope when %s', (_case, overrides, problem) => {
      expect(run(envelope(overrides))).toEqual({ valid: false, problem: expect.stringMatching(problem) });
    });

    it('should store an event Robbot does not consume as ignored, without looking at its payload', () => {
      expect(run(envelope({ event: 'presence.update', payload: 'anything' }))).toEqual({
        valid: true,
        eventId: 'evt_01kxztn471j4ba574vwnv4np6f',
        event: 'presence.update',
        status: InboxEventStatus.Ignored,
        outcome: 'event "presence.update" is not consumed',
      });
    });

    it('should consume exactly the events the handlers know', () => {
      expect([...CONSUMED_EVENTS].sort()).toEqual(['message', 'message.ack', 'message.any', 'message.revoked', 'session.status']);
    });

    describe('message and message.any payloads', () => {
      it.each([
        ['id is missing', { id: undefined }, /payload\.id/],
        ['id is longer than 300 characters', { id: 'x'.repeat(301) }, /payload\.id/],
        ['from is missing', { from: undefined }, /payload\.from/],
        ['from is a number', { from: 5511987654321 }, /payload\.from/],
        ['to is a number', { to: 551132104567 }, /payload\.to/],
        ['fromMe is the string "false"', { fromMe: 'false' }, /payload\.fromMe/],
        ['fromMe is missing', { fromMe: undefined }, /payload\.fromMe/],
        ['timestamp is a string', { timestamp: '1784553312' }, /payload\.timestamp/],
        ['timestamp is missing', { timestamp: undefined }, /payload\.timestamp/],
        ['timestamp is NaN', { timestamp: Number.NaN }, /payload\.timestamp/],
        ['body is a number', { body: 42 }, /payload\.body/],
        ['body is longer than 65536 characters', { body: 'a'.repeat(65_537) }, /payload\.body/],
        ['hasMedia is a string', { hasMedia: 'true' }, /payload\.hasMedia/],
        ['media is a string', { media: 'http://waha/file' }, /payload\.media/],
        ['location is a string', { location: '-23.5,-46.6' }, /payload\.location/],
        ['vCards is a string', { vCards: 'BEGIN:VCARD' }, /payload\.vCards/],
      ])('should refuse a message whose %s', (_case, overrides, problem) => {
        expect(run(envelope({ payload: messagePayload(overrides) }))).toEqual({ valid: false, problem: expect.stringMatching(problem) });
        expect(run(envelope({ event: 'message.any', payload: messagePayload(overrides) }))).toEqual({ valid: false, problem: expect.stringMatching(problem) });
      });

      it('should accept a null to, body, media, location and vCards', () => {
        const payload = messagePayload({ to: null, body: null, media: null, location: null, vCards: null });
        expect(run(envelope({ payload }))).toMatchObject({ valid: true, status: InboxEventStatus.Pending });
      });

      it('should accept a body of exactly 65536 characters', () => {
        expect(run(envelope({ payload: messagePayload({ body: 'a'.repeat(65_536) }) }))).toMatchObject({ valid: true, status: InboxEventStatus.Pending });
      });

      it.each([
        ['a group', { from: '120363025246125486@g.us', participant: PATIENT }],
        ['a status broadcast', { from: 'status@broadcast', participant: PATIENT }],
        ['a channel', { from: '120363223456789012@newsletter' }],
        ['a direct chat id with a participant', { participant: '5511900000000@c.us' }],
      ])('should ignore a message from %s', (_case, overrides) => {
        expect(run(envelope({ payload: messagePayload(overrides) }))).toMatchObject({
          valid: true,
          status: InboxEventStatus.Ignored,
          outcome: 'not a direct chat (group, status, broadcast or channel)',
        });
      });

      it('should ignore our own group message on message.any, judged by its recipient', () => {
        const payload = messagePayload({ fromMe: true, from: CLINIC, to: '120363025246125486@g.us' });
        expect(run(envelope({ event: 'message.any', payload }))).toMatchObject({ status: InboxEventStatus.Ignored, outcome: expect.stringMatching(/not a direct chat/) });
      });

      it('should ignore an incoming message on message.any (it is handled from message)', () => {
        expect(run(envelope({ event: 'message.any' }))).toMatchObject({
          valid: true,
          status: InboxEventStatus.Ignored,
          outcome: 'incoming message already delivered as "message"',
        });
      });

      it('should accept our own message on message.any', () => {
        const payload = messagePayload({ fromMe: true, from: CLINIC, to: PATIENT, source: 'app' });
        expect(run(envelope({ event: 'message.any', payload }))).toMatchObject({ valid: true, status: InboxEventStatus.Pending, outcome: null });
      });

      it('should ignore our own message on message', () => {
        const payload = messagePayload({ fromMe: true, from: CLINIC, to: PATIENT });
        expect(run(envelope({ payload }))).toMatchObject({ status: InboxEventStatus.Ignored, outcome: 'own message on "message" (handled from "message.any")' });
      });

      it('should accept a patient writing from a linked id (@lid)', () => {
        expect(run(envelope({ payload: messagePayload({ from: '204815162342108@lid' }) }))).toMatchObject({ status: InboxEventStatus.Pending });
      });
    });

    describe('message.ack payloads', () => {
      const ack = (overrides: Json) => envelope({ event: 'message.ack', payload: { id: `true_${PATIENT}_3EB0B5A1C2D3E4F5A6B7`, ack: 3, ...overrides } });

      it.each([-1, 0, 1, 2, 3, 4])('should accept ack %i', (value) => {
        expect(run(ack({ ack: value }))).toMatchObject({ valid: true, status: InboxEventStatus.Pending });
      });

      it.each([
        ['ack is 5', { ack: 5 }, /payload\.ack/],
        ['ack is -2', { ack: -2 }, /payload\.ack/],
        ['ack is fractional', { ack: 1.5 }, /payload\.ack/],
        ['ack is a string', { ack: '3' }, /payload\.ack/],
        ['id is missing', { id: undefined }, /payload\.id/],
      ])('should refuse an ack whose %s', (_case, overrides, problem) => {
        expect(run(ack(overrides))).toEqual({ valid: false, problem: expect.stringMatching(problem) });
      });
    });

    describe('session.status payloads', () => {
      it('should accept a status string', () => {
        expect(run(envelope({ event: 'session.status', payload: { name: 'default', status: 'WORKING' } }))).toMatchObject({ valid: true, status: InboxEventStatus.Pending });
      });

      it('should refuse a missing or non-string status', () => {
        expect(run(envelope({ event: 'session.status', payload: { name: 'default' } }))).toEqual({ valid: false, problem: 'payload.status must be a string' });
        expect(run(envelope({ event: 'session.status', payload: { status: 3 } }))).toEqual({ valid: false, problem: 'payload.status must be a string' });
      });
    });

    describe('message.revoked payloads', () => {
      it('should accept a revokedMessageId alone or an after.id alone', () => {
        expect(run(envelope({ event: 'message.revoked', payload: { revokedMessageId: 'B52D8E1F' } }))).toMatchObject({ valid: true, status: InboxEventStatus.Pending });
        expect(run(envelope({ event: 'message.revoked', payload: { after: { id: `false_${PATIENT}_B52D8E1F` }, revokedMessageId: null } }))).toMatchObject({
          valid: true,
          status: InboxEventStatus.Pending,
        });
      });

      it('should refuse a revoke naming no message', () => {
        expect(run(envelope({ event: 'message.revoked', payload: { after: null, before: null } }))).toEqual({
          valid: false,
          problem: 'payload.revokedMessageId or payload.after.id is required',
        });
      });
    });
  });

  describe('chatIdOf', () => {
    it('should return the sender of an incoming message', () => {
      expect(chatIdOf({ fromMe: false, from: PATIENT, to: CLINIC })).toBe(PATIENT);
    });

    it('should return the recipient of our own message, or the sender when there is no recipient (NOWEB/GOWS)', () => {
      expect(chatIdOf({ fromMe: true, from: CLINIC, to: PATIENT })).toBe(PATIENT);
      expect(chatIdOf({ fromMe: true, from: PATIENT, to: null })).toBe(PATIENT);
    });
  });
});
