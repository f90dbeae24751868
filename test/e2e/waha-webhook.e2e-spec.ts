import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent, MessageReceivedEvent } from 'src/common/events/domain-events';
import { withTestApp } from 'test/support/create-test-app';
import { loadTestRun } from 'test/support/test-run';
import { createClinic } from 'test/support/factories';
import { buildMessageEvent } from 'test/support/fake-waha.server';
import { waitFor } from 'test/support/wait-for';
import { dataSourceOf, insertWhatsappSession, loadFixture, postWebhook, TestWhatsappSession } from 'test/support/whatsapp';

describe('WAHA webhook ingest (e2e)', () => {
  let app: NestFastifyApplication;
  let session: TestWhatsappSession;
  const received: MessageReceivedEvent[] = [];
  // Its own key prefix: no other test app's worker can process (and emit events for) these webhooks.
  withTestApp((created) => (app = created), { REDIS_KEY_PREFIX: `${loadTestRun().redisKeyPrefix}-webhook` });

  beforeAll(async () => {
    const clinic = await createClinic(app);
    session = await insertWhatsappSession(app, clinic.organizationId);
    app.get(EventEmitter2).on(DomainEvent.MessageReceived, (event: MessageReceivedEvent) => received.push(event));
  });

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => dataSourceOf(app).query(sql, params);

  it('should store a patient text message with its contact and conversation, and publish message.received once', async () => {
    const body = loadFixture('message-text.json', session.name);
    const response = await postWebhook(app, body, session.hmacKey);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'accepted' });
    const [message] = await waitFor(async () =>
      query<{ id: string; body: string; type: string; direction: string; conversation_id: string }>(
        `SELECT id, body, type, direction, conversation_id FROM messages WHERE session_id = $1 AND waha_key_id = $2`,
        [session.id, 'AC3E5D7F9B1A2C4E6F8A0B2D4C6E8F01'],
      ).then((rows) => (rows.length ? rows : undefined)),
    ).then((rows) => rows ?? []);
    expect(message).toMatchObject({ type: 'text', direction: 'inbound' });
    const [contact] = await query<{ phone: string; name: string }>(
      `SELECT ct.phone, ct.name FROM contacts ct JOIN conversations c ON c.contact_id = ct.id WHERE c.id = $1`,
      [message.conversation_id],
    );
    expect(contact).toEqual({ phone: '+5511987654321', name: 'Maria Souza' });
    await waitFor(() => received.some((event) => event.messageId === message.id));
    expect(received.filter((event) => event.messageId === message.id)).toHaveLength(1);
  });

  it('should answer a repeated delivery 200 duplicate and create nothing', async () => {
    const body = buildMessageEvent({ session: session.name, from: '5511911112222@c.us', body: 'Oi' });
    expect((await postWebhook(app, body, session.hmacKey)).body).toEqual({ status: 'accepted' });
    expect((await postWebhook(app, body, session.hmacKey)).body).toEqual({ status: 'duplicate' });
    const rows = await query(`SELECT 1 FROM waha_inbox_events WHERE session_id = $1 AND event_id = $2`, [session.id, body.id]);
    expect(rows).toHaveLength(1);
  });

  it('should refuse a bad signature with 401 and store nothing', async () => {
    const body = buildMessageEvent({ session: session.name, from: '5511933334444@c.us', body: 'Oi' });
    const response = await postWebhook(app, body, 'wrong-key');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('WEBHOOK_INVALID_SIGNATURE');
    expect(await query(`SELECT 1 FROM waha_inbox_events WHERE event_id = $1`, [body.id])).toHaveLength(0);
  });

  it('should refuse a body over 256 KB with 413 although the API allows 1 MB elsewhere', async () => {
    const body = buildMessageEvent({ session: session.name, from: '5511955556666@c.us', body: 'x'.repeat(300 * 1024) });
    const response = await postWebhook(app, body, session.hmacKey);
    expect(response.status).toBe(413);
    expect(await query(`SELECT 1 FROM waha_inbox_events WHERE event_id = $1`, [body.id])).toHaveLength(0);
  });
});
