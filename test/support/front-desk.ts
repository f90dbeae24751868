import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, PREFIX, Session } from './api';
import { MessagingMaintenanceProcessor } from 'src/modules/conversations/messaging-maintenance.processor';
import { WahaMaintenanceProcessor } from 'src/modules/waha/waha-maintenance.processor';
import { createTestApp, ModuleOverrides } from './create-test-app';
import { createClinic } from './factories';
import { buildMessageEvent, FakeWaha } from './fake-waha.server';
import { loadTestRun } from './test-run';
import { waitFor } from './wait-for';
import { dataSourceOf, insertWhatsappSession, postWebhook, TestWhatsappSession } from './whatsapp';

/** A clinic with a WhatsApp number the fake WAHA knows, its profile and knowledge, ready for patients. */
export interface FrontDeskClinic {
  organizationId: string;
  admin: Session;
  session: TestWhatsappSession;
}

export interface ClinicKnowledge {
  name: string;
  services?: { name: string; price_cents: number | null; duration_minutes?: number | null; description?: string | null }[];
  items?: { title: string; content: string; category: string }[];
}

/** Mon–Fri 8–12 and 13–19, Sat 8–12: the demo clinic's week. */
export const WEEKLY_HOURS = [1, 2, 3, 4, 5]
  .map((weekday) => ({ weekday, intervals: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '19:00' }] }))
  .concat([{ weekday: 6, intervals: [{ start: '08:00', end: '12:00' }] }]);

export function randomPatientChat(): string {
  return `55119${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}@c.us`;
}

export function frontDesk(getApp: () => NestFastifyApplication, getFake: () => FakeWaha) {
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => dataSourceOf(getApp()).query(sql, params);

  async function newClinic(knowledge: ClinicKnowledge, aiSettings: Record<string, unknown> = { debounce_ms: 0 }): Promise<FrontDeskClinic> {
    const clinic = await createClinic(getApp());
    const session = await insertWhatsappSession(getApp(), clinic.organizationId);
    getFake().seedSession(session.name);
    await http(getApp())
      .put(`${PREFIX}/clinic-profile`)
      .set(...bearer(clinic.admin))
      .send({
        name: knowledge.name,
        address: 'Av. Paulista, 1000 - Bela Vista, São Paulo - SP',
        phone: '+551130000000',
        business_hours: { weekly: WEEKLY_HOURS, exceptions: [], holidays: [] },
        accepted_insurances: ['Unimed', 'Bradesco Saúde'],
        services: knowledge.services ?? [],
      })
      .expect(200);
    for (const item of knowledge.items ?? []) {
      await http(getApp()).post(`${PREFIX}/knowledge`).set(...bearer(clinic.admin)).send(item).expect(201);
    }
    await http(getApp()).patch(`${PREFIX}/ai/settings`).set(...bearer(clinic.admin)).send(aiSettings).expect(200);
    return { organizationId: clinic.organizationId, admin: clinic.admin, session };
  }

  /** The patient writes; resolves once the webhook is durable. */
  async function patientSays(clinic: FrontDeskClinic, chatId: string, body: string): Promise<void> {
    const event = buildMessageEvent({ session: clinic.session.name, from: chatId, body });
    const response = await postWebhook(getApp(), event, clinic.session.hmacKey);
    expect(response.body).toEqual({ status: 'accepted' });
  }

  /** Staff typed on the clinic's own phone (WAHA reports it as message.any, fromMe, from the phone app). */
  async function clinicPhoneSays(clinic: FrontDeskClinic, chatId: string, body: string): Promise<void> {
    const event = buildMessageEvent({ session: clinic.session.name, event: 'message.any', fromMe: true, source: 'app', from: chatId, body });
    expect((await postWebhook(getApp(), event, clinic.session.hmacKey)).body).toEqual({ status: 'accepted' });
  }

  const botMessagesTo = (chatId: string): string[] =>
    getFake()
      .sentMessages.filter((sent) => sent.chatId === chatId)
      .map((sent) => sent.body ?? '');

  /** Waits until the bot has sent `count` messages to the chat and returns them all. */
  const waitForBot = (chatId: string, count = 1, what = 'bot reply'): Promise<string[]> =>
    waitFor(() => (botMessagesTo(chatId).length >= count ? botMessagesTo(chatId) : null), { what, timeoutMs: 20_000 }) as Promise<string[]>;

  async function conversationOf(clinic: FrontDeskClinic, chatId: string): Promise<Record<string, unknown>> {
    const rows = await waitFor(
      async () => {
        const found = await query(`SELECT * FROM conversations WHERE session_id = $1 AND chat_id = $2 ORDER BY created_at DESC`, [clinic.session.id, chatId]);
        return found.length > 0 ? found : null;
      },
      { what: 'conversation stored' },
    );
    return (rows as Record<string, unknown>[])[0];
  }

  /** Every patient message of the chat answered or analysed: nothing left for the bot to do. */
  async function turnSettled(clinic: FrontDeskClinic, chatId: string, inboundCount: number): Promise<Record<string, unknown>> {
    return (await waitFor(
      async () => {
        const [row] = await query(`SELECT * FROM conversations WHERE session_id = $1 AND chat_id = $2 ORDER BY created_at DESC LIMIT 1`, [clinic.session.id, chatId]);
        return row && row.inbound_count === inboundCount && row.bot_answered_count === inboundCount ? row : null;
      },
      { what: `turn over ${inboundCount} message(s) settled`, timeoutMs: 20_000 },
    )) as Record<string, unknown>;
  }

  return { query, newClinic, patientSays, clinicPhoneSays, botMessagesTo, waitForBot, conversationOf, turnSettled };
}

const FAKE_WAHA_API_KEY = 'front-desk-fake-waha-key-0123456789';

export interface FrontDeskHarness {
  app: () => NestFastifyApplication;
  fake: () => FakeWaha;
  desk: ReturnType<typeof frontDesk>;
}

/**
 * Boots an app for the enclosing `describe` with its own fake WAHA and its own BullMQ prefix (`name`), so only
 * its workers take its jobs. Scheduled maintenance (inbox, message and session sweeps) is off: it would act on
 * other files' clinics in the shared test database.
 */
export function withFrontDeskApp(name: string, options: { env?: Record<string, string>; overrides?: ModuleOverrides } = {}): FrontDeskHarness {
  let app: NestFastifyApplication | undefined;
  let fake: FakeWaha | undefined;
  const harness = {
    app: () => app as NestFastifyApplication,
    fake: () => fake as FakeWaha,
  };
  beforeAll(async () => {
    jest.spyOn(WahaMaintenanceProcessor.prototype, 'process').mockResolvedValue(null);
    jest.spyOn(MessagingMaintenanceProcessor.prototype, 'process').mockResolvedValue(null);
    fake = await FakeWaha.start({ apiKey: FAKE_WAHA_API_KEY });
    const env = { WAHA_BASE_URL: fake.url, WAHA_API_KEY: FAKE_WAHA_API_KEY, REDIS_KEY_PREFIX: `${loadTestRun().redisKeyPrefix}-${name}`, ...options.env };
    app = await createTestApp(env, options.overrides);
  });
  afterAll(async () => {
    await app?.close();
    await fake?.stop();
  });
  return { ...harness, desk: frontDesk(harness.app, harness.fake) };
}
