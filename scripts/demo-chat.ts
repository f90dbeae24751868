import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { FakeWaha } from 'test/support/fake-waha.server';

/**
 * `npm run demo:chat`: be a patient of the demo clinic from a terminal. Needs the app running (`npm start`).
 * Messages go through a fake WAHA (the one of `npm run waha:fake` if it runs, else one started here on
 * WAHA_BASE_URL's port) exactly like WhatsApp's: a signed webhook in, the bot's sends out. Alongside the
 * answers it prints what the clinic sees: conversation status and owner, the lead and its score, alerts.
 */

const POLL_MS = 400;

interface Sent {
  chatId: string;
  body: string | null;
}

function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

const color = (code: number, text: string): string => (process.stdout.isTTY ? `\u001b[${code}m${text}\u001b[0m` : text);
const say = {
  bot: (name: string, text: string) => console.log(`${color(36, `${name}:`)} ${text}`),
  event: (text: string) => console.log(color(33, `  • ${text}`)),
  info: (text: string) => console.log(color(90, text)),
};

class Api {
  private token = '';

  constructor(readonly base: string) {}

  async login(email: string, password: string): Promise<void> {
    const body = await this.call<{ access_token: string }>('POST', '/auth/login', { email, password });
    this.token = body.access_token;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/** The fake WAHA's control API; starts one here when none listens on WAHA_BASE_URL. */
async function fakeWaha(baseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (await reachable(`${baseUrl}/__fake/sessions`)) return { url: baseUrl, stop: async () => undefined };
  const port = Number(new URL(baseUrl).port || 80);
  const fake = await FakeWaha.start({ port, apiKey: process.env.WAHA_API_KEY || undefined, emitStatusEvents: true, controlApi: true });
  say.info(`(started a fake WAHA on ${fake.url})`);
  return { url: fake.url, stop: () => fake.stop() };
}

async function control<T>(fakeUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${fakeUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`fake WAHA ${method} ${path} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Prints what changed since the last look: bot messages, conversation state, lead score, alerts. */
class Watcher {
  private seenSent = 0;
  private lastState = '';
  private lastScore = '';
  private seenAlerts = new Set<string>();

  constructor(
    private readonly api: Api,
    private readonly fakeUrl: string,
    private readonly chatId: string,
    private readonly botName: string,
  ) {}

  async primeAlerts(): Promise<void> {
    for (const alert of await this.alerts()) this.seenAlerts.add(alert.id);
  }

  async tick(): Promise<void> {
    const sent = (await control<Sent[]>(this.fakeUrl, 'GET', '/__fake/sent')).filter((message) => message.chatId === this.chatId);
    for (const message of sent.slice(this.seenSent)) say.bot(this.botName, message.body ?? '(mídia)');
    this.seenSent = sent.length;

    const conversation = await this.conversation();
    if (!conversation) return;
    const state = `status ${conversation.status}, answered by ${conversation.owner_type}${conversation.urgent ? ', URGENT' : ''}`;
    if (state !== this.lastState) say.event(`conversation: ${state}${conversation.handoff_reason ? ` (handoff: ${conversation.handoff_reason})` : ''}`);
    this.lastState = state;

    const leads = await this.api.call<{ items: { id: string; conversation_id: string; score: number; score_band?: string; band?: string }[] }>('GET', '/leads?limit=100');
    const lead = leads.items.find((item) => item.conversation_id === conversation.id);
    if (lead) {
      const detail = await this.api.call<{ score: number; score_reasons?: { factor: string; points: number; detail: string }[] }>('GET', `/leads/${lead.id}`);
      const score = `${detail.score}`;
      if (score !== this.lastScore) {
        const reasons = (detail.score_reasons ?? []).map((reason) => `${reason.factor} ${reason.points > 0 ? '+' : ''}${reason.points}`).join(', ');
        say.event(`${this.lastScore ? 'lead score' : 'lead created, score'} ${score}/100 (${reasons})`);
      }
      this.lastScore = score;
    }
    for (const alert of await this.alerts()) {
      if (this.seenAlerts.has(alert.id)) continue;
      this.seenAlerts.add(alert.id);
      say.event(`alert for the clinic: ${alert.title}`);
    }
  }

  private async conversation(): Promise<{ id: string; status: string; owner_type: string; urgent?: boolean; handoff_reason?: string | null } | null> {
    const list = await this.api.call<{ items: { id: string; chat_id: string }[] }>('GET', '/conversations?limit=50');
    const summary = list.items.find((item) => item.chat_id === this.chatId);
    return summary ? this.api.call('GET', `/conversations/${summary.id}`) : null;
  }

  private async alerts(): Promise<{ id: string; title: string }[]> {
    return (await this.api.call<{ items: { id: string; title: string }[] }>('GET', '/alerts?limit=50')).items;
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  const api = new Api(`http://127.0.0.1:${process.env.PORT ?? 3000}/api/v1`);
  if (!(await reachable(`${api.base}/health`))) throw new Error(`The app is not answering on ${api.base}; start it first with: npm start`);
  const fake = await fakeWaha((process.env.WAHA_BASE_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, ''));
  await api.login(process.env.DEMO_ADMIN_EMAIL ?? 'admin@clinicaexemplo.com.br', process.env.DEMO_USER_PASSWORD ?? 'Robbot-Demo-2026');

  // A fresh number per run: its webhook key lives in the app and in this fake WAHA only.
  const session = await api.call<{ name: string }>('POST', '/waha/sessions', { label: `chat-${randomBytes(2).toString('hex')}`, display_name: 'Demo chat' });
  await control(fake.url, 'POST', '/__fake/status', { session: session.name, status: 'WORKING' });
  const settings = await api.call<{ persona?: { bot_name?: string } }>('GET', '/ai/settings');
  const phone = process.env.DEMO_PATIENT_PHONE ?? `55119${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
  const watcher = new Watcher(api, fake.url, `${phone}@c.us`, settings.persona?.bot_name ?? 'Bot');
  await watcher.primeAlerts();

  say.info(`You are a patient (+${phone}) writing to the demo clinic. Type a message and press Enter; Ctrl-C or /sair to leave.`);
  say.info('Try: "quanto custa a limpeza?", "vocês aceitam Unimed?", "quero marcar uma consulta sábado de manhã", "parar", "voltar".');
  const timer = setInterval(() => void watcher.tick().catch((error: unknown) => say.info(`(watch failed: ${String(error)})`)), POLL_MS);
  const input = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const cleanup = async (): Promise<void> => {
    clearInterval(timer);
    input.close();
    await api.call('DELETE', `/waha/sessions/${session.name}`).catch(() => undefined);
    await fake.stop();
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(0)));
  for await (const line of input) {
    const text = line.trim();
    if (text === '/sair') break;
    if (!text) continue;
    await control(fake.url, 'POST', '/__fake/inbound', { session: session.name, from: phone, body: text });
    // Piped lines arrive at once and would read as one burst; a person types one line at a time.
    if (!process.stdin.isTTY) await new Promise((resolve) => setTimeout(resolve, Number(process.env.DEMO_CHAT_LINE_GAP_MS ?? 5_000)));
  }
  // Piped input ends here: give the bot time to answer the last message before leaving.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.DEMO_CHAT_LINGER_MS ?? 6_000)));
  await watcher.tick();
  await cleanup();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
