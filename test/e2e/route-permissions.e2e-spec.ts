import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, http, loginSuperAdmin, Session } from '../support/api';
import { createTestApp } from '../support/create-test-app';
import { Clinic, createClinic, createMember } from '../support/factories';
import { RouteEntry, routeTable } from '../support/route-table';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { LeadSource } from 'src/modules/leads/leads.constants';
import { NotificationType } from 'src/modules/notifications/notification.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { LeadsService } from 'src/modules/leads/leads.service';

interface IsolationContext {
  clinicA: Clinic;
  secretaryA: Session;
  clinicB: Clinic;
  superAdmin: Session;
  /** Clinic A's WhatsApp number (routes take its name, not an id) and one of its open alerts. */
  whatsappSessionA: string;
  alertA: string;
  /** One of clinic A's patients. */
  contactA: string;
  /** One of clinic A's conversations and its only message. */
  conversationA: string;
  messageA: string;
  /** One of clinic A's knowledge items, Gemini keys and leads. */
  knowledgeA: string;
  aiKeyA: string;
  leadA: string;
  /** Clinic A's workspace records: a department, a tag, a template, a quick reply, a note on conversationA, a notification. */
  departmentA: string;
  tagA: string;
  templateA: string;
  quickReplyA: string;
  noteA: string;
  notificationA: string;
}

/** `second` fills a route's second parameter (`:noteId`, `:tagId`); a random id when absent. */
type IsolationCase = (ctx: IsolationContext) => { actor: Session; id: string; second?: string; body?: object; expected: number };

/**
 * Every route that takes an id must say how another clinic (and, where it applies, another secretary)
 * is kept out. A new `:id` route without an entry here fails the suite.
 */
const ISOLATION_CASES: Record<string, IsolationCase> = {
  'GET /api/v1/users/:id': ({ clinicA, clinicB }) => ({ actor: clinicB.admin, id: clinicA.admin.userId, expected: 404 }),
  'PATCH /api/v1/users/:id': ({ clinicA, clinicB }) => ({ actor: clinicB.admin, id: clinicA.admin.userId, body: { name: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/users/:id': ({ secretaryA, clinicB }) => ({ actor: clinicB.admin, id: secretaryA.userId, expected: 404 }),
  // Platform-only routes: a clinic admin is refused outright and learns nothing about other clinics.
  'GET /api/v1/organizations/:id': ({ clinicA, clinicB }) => ({ actor: clinicB.admin, id: clinicA.organizationId, expected: 403 }),
  'PATCH /api/v1/organizations/:id': ({ clinicA, clinicB }) => ({ actor: clinicB.admin, id: clinicA.organizationId, body: { name: 'X' }, expected: 403 }),
  'POST /api/v1/organizations/:id/suspend': ({ clinicA, clinicB }) => ({ actor: clinicB.admin, id: clinicA.organizationId, body: { reason: 'nope' }, expected: 403 }),
  'POST /api/v1/organizations/:id/reactivate': ({ clinicA, clinicB }) => ({ actor: clinicB.admin, id: clinicA.organizationId, expected: 403 }),
  // WhatsApp numbers are addressed by their WAHA session name; another clinic's answers 404 before WAHA is asked.
  'GET /api/v1/waha/sessions/:name': ({ whatsappSessionA, clinicB }) => ({ actor: clinicB.admin, id: whatsappSessionA, expected: 404 }),
  'GET /api/v1/waha/sessions/:name/qr': ({ whatsappSessionA, clinicB }) => ({ actor: clinicB.admin, id: whatsappSessionA, expected: 404 }),
  'POST /api/v1/waha/sessions/:name/start': ({ whatsappSessionA, clinicB }) => ({ actor: clinicB.admin, id: whatsappSessionA, expected: 404 }),
  'POST /api/v1/waha/sessions/:name/stop': ({ whatsappSessionA, clinicB }) => ({ actor: clinicB.admin, id: whatsappSessionA, expected: 404 }),
  'POST /api/v1/waha/sessions/:name/restart': ({ whatsappSessionA, clinicB }) => ({ actor: clinicB.admin, id: whatsappSessionA, expected: 404 }),
  'DELETE /api/v1/waha/sessions/:name': ({ whatsappSessionA, clinicB }) => ({ actor: clinicB.admin, id: whatsappSessionA, expected: 404 }),
  'POST /api/v1/alerts/:id/resolve': ({ alertA, clinicB }) => ({ actor: clinicB.admin, id: alertA, expected: 404 }),
  'GET /api/v1/contacts/:id': ({ contactA, clinicB }) => ({ actor: clinicB.admin, id: contactA, expected: 404 }),
  'PATCH /api/v1/contacts/:id': ({ contactA, clinicB }) => ({ actor: clinicB.admin, id: contactA, body: { name: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/contacts/:id': ({ contactA, clinicB }) => ({ actor: clinicB.admin, id: contactA, expected: 404 }),
  'GET /api/v1/conversations/:id': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'GET /api/v1/conversations/:id/messages': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'POST /api/v1/conversations/:id/messages': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, body: { text: 'Invasor' }, expected: 404 }),
  'GET /api/v1/messages/:id/media': ({ messageA, clinicB }) => ({ actor: clinicB.admin, id: messageA, expected: 404 }),
  'POST /api/v1/conversations/:id/handback': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'GET /api/v1/conversations/:id/ownership-history': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'GET /api/v1/knowledge/:id': ({ knowledgeA, clinicB }) => ({ actor: clinicB.admin, id: knowledgeA, expected: 404 }),
  'PATCH /api/v1/knowledge/:id': ({ knowledgeA, clinicB }) => ({ actor: clinicB.admin, id: knowledgeA, body: { title: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/knowledge/:id': ({ knowledgeA, clinicB }) => ({ actor: clinicB.admin, id: knowledgeA, expected: 404 }),
  'DELETE /api/v1/ai/keys/:id': ({ aiKeyA, clinicB }) => ({ actor: clinicB.admin, id: aiKeyA, expected: 404 }),
  'GET /api/v1/leads/:id': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, expected: 404 }),
  'GET /api/v1/leads/:id/score-history': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, expected: 404 }),
  // Secretary workspace: another clinic's records answer 404, whatever the action.
  'PATCH /api/v1/conversations/:id/status': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, body: { status: 'AWAITING_RESPONSE' }, expected: 404 }),
  'GET /api/v1/conversations/:id/history': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'POST /api/v1/conversations/:id/assign': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, body: { user_id: clinicB.admin.userId }, expected: 404 }),
  'POST /api/v1/conversations/:id/claim': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'POST /api/v1/conversations/:id/unassign': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'POST /api/v1/conversations/:id/transfer': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, body: { user_id: clinicB.admin.userId, reason: 'x' }, expected: 404 }),
  'POST /api/v1/conversations/:id/read': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'POST /api/v1/conversations/:id/unread': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'GET /api/v1/conversations/:id/tags': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'POST /api/v1/conversations/:id/tags': ({ conversationA, tagA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, body: { tag_id: tagA }, expected: 404 }),
  'DELETE /api/v1/conversations/:id/tags/:tagId': ({ conversationA, tagA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, second: tagA, expected: 404 }),
  'GET /api/v1/conversations/:id/notes': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, expected: 404 }),
  'POST /api/v1/conversations/:id/notes': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, body: { body: 'Invasor' }, expected: 404 }),
  'PATCH /api/v1/conversations/:id/notes/:noteId': ({ conversationA, noteA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, second: noteA, body: { body: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/conversations/:id/notes/:noteId': ({ conversationA, noteA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, second: noteA, expected: 404 }),
  'POST /api/v1/conversations/:id/department': ({ conversationA, clinicB }) => ({ actor: clinicB.admin, id: conversationA, body: { department_id: null }, expected: 404 }),
  'PATCH /api/v1/leads/:id': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, body: { notes: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/leads/:id': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, expected: 404 }),
  'POST /api/v1/leads/:id/restore': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, expected: 404 }),
  'GET /api/v1/leads/:id/history': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, expected: 404 }),
  'GET /api/v1/leads/:id/interactions': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, expected: 404 }),
  'POST /api/v1/leads/:id/interactions': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, body: { type: 'NOTE', body: 'Invasor' }, expected: 404 }),
  'GET /api/v1/leads/:id/journey': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, expected: 404 }),
  'POST /api/v1/leads/:id/department': ({ leadA, clinicB }) => ({ actor: clinicB.admin, id: leadA, body: { department_id: null }, expected: 404 }),
  'GET /api/v1/departments/:id': ({ departmentA, clinicB }) => ({ actor: clinicB.admin, id: departmentA, expected: 404 }),
  'PATCH /api/v1/departments/:id': ({ departmentA, clinicB }) => ({ actor: clinicB.admin, id: departmentA, body: { name: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/departments/:id': ({ departmentA, clinicB }) => ({ actor: clinicB.admin, id: departmentA, expected: 404 }),
  'GET /api/v1/assignment/users/:id/availability': ({ secretaryA, clinicB }) => ({ actor: clinicB.admin, id: secretaryA.userId, expected: 404 }),
  'PUT /api/v1/assignment/users/:id/availability': ({ secretaryA, clinicB }) => ({ actor: clinicB.admin, id: secretaryA.userId, body: { available: true }, expected: 404 }),
  'GET /api/v1/tags/:id': ({ tagA, clinicB }) => ({ actor: clinicB.admin, id: tagA, expected: 404 }),
  'PATCH /api/v1/tags/:id': ({ tagA, clinicB }) => ({ actor: clinicB.admin, id: tagA, body: { name: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/tags/:id': ({ tagA, clinicB }) => ({ actor: clinicB.admin, id: tagA, expected: 404 }),
  'GET /api/v1/templates/:id': ({ templateA, clinicB }) => ({ actor: clinicB.admin, id: templateA, expected: 404 }),
  'PATCH /api/v1/templates/:id': ({ templateA, clinicB }) => ({ actor: clinicB.admin, id: templateA, body: { name: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/templates/:id': ({ templateA, clinicB }) => ({ actor: clinicB.admin, id: templateA, expected: 404 }),
  'POST /api/v1/templates/:id/render': ({ templateA, clinicB }) => ({ actor: clinicB.admin, id: templateA, body: { variables: { nome: 'X' } }, expected: 404 }),
  'GET /api/v1/quick-replies/:id': ({ quickReplyA, clinicB }) => ({ actor: clinicB.admin, id: quickReplyA, expected: 404 }),
  'PATCH /api/v1/quick-replies/:id': ({ quickReplyA, clinicB }) => ({ actor: clinicB.admin, id: quickReplyA, body: { response: 'Invasor' }, expected: 404 }),
  'DELETE /api/v1/quick-replies/:id': ({ quickReplyA, clinicB }) => ({ actor: clinicB.admin, id: quickReplyA, expected: 404 }),
  'PATCH /api/v1/notifications/:id/read': ({ notificationA, clinicB }) => ({ actor: clinicB.admin, id: notificationA, expected: 404 }),
};

/** Routes of these resources are checked by reading the record back as its own clinic. */
const PROBES: [string, (ctx: IsolationContext, id: string) => string][] = [
  ['/departments/', (_ctx, id) => `/api/v1/departments/${id}`],
  ['/tags/:id', (_ctx, id) => `/api/v1/tags/${id}`],
  ['/templates/', (_ctx, id) => `/api/v1/templates/${id}`],
  ['/quick-replies/', (_ctx, id) => `/api/v1/quick-replies/${id}`],
  ['/assignment/users/', (_ctx, id) => `/api/v1/assignment/users/${id}/availability`],
  ['/notes', (ctx) => `/api/v1/conversations/${ctx.conversationA}/notes`],
  ['/notifications/', () => '/api/v1/notifications'],
];

function call(app: NestFastifyApplication, entry: Pick<RouteEntry, 'route'>, id: string, second: string = randomUUID()) {
  const [method, path] = entry.route.split(' ');
  const url = path.replace(/:(id|name)\b/, id).replace(/:[A-Za-z]+\b/, second);
  const agent = http(app);
  switch (method) {
    case 'GET':
      return agent.get(url);
    case 'POST':
      return agent.post(url);
    case 'PATCH':
      return agent.patch(url);
    case 'PUT':
      return agent.put(url);
    case 'DELETE':
      return agent.delete(url);
    default:
      throw new Error(`unexpected method ${method}`);
  }
}

describe('Route access table', () => {
  let app: NestFastifyApplication;
  let routes: RouteEntry[];

  beforeAll(async () => {
    app = await createTestApp();
    routes = routeTable(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('should match the reviewed snapshot of routes, public flags and permissions', () => {
    expect(routes).toMatchSnapshot();
  });

  it('should keep public routes to the known few', () => {
    expect(routes.filter((entry) => entry.public).map((entry) => entry.route)).toEqual([
      'GET /api/v1/health',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/register',
      // Authenticated by the per-session HMAC of its raw body instead of a JWT.
      'POST /api/v1/webhooks/waha',
    ]);
  });

  it('should require a permission on every route that is not public', () => {
    expect(routes.filter((entry) => !entry.public && entry.permissions.length === 0)).toEqual([]);
  });

  it('should answer 401 without a token on every non-public route', async () => {
    for (const entry of routes.filter((candidate) => !candidate.public)) {
      const response = await call(app, entry, randomUUID()).send({});
      expect({ route: entry.route, status: response.status }).toEqual({ route: entry.route, status: 401 });
    }
  });

  describe('isolation', () => {
    let ctx: IsolationContext;

    beforeAll(async () => {
      const clinicA = await createClinic(app);
      ctx = {
        clinicA,
        secretaryA: await createMember(app, clinicA.admin, 'secretary'),
        clinicB: await createClinic(app),
        superAdmin: await loginSuperAdmin(app),
        whatsappSessionA: (await insertWhatsappSession(app, clinicA.organizationId)).name,
        alertA: await raiseAlert(app, clinicA),
        contactA: await addContact(app, clinicA),
        ...(await addConversation(app, clinicA)),
        knowledgeA: await addKnowledge(app, clinicA),
        aiKeyA: await addAiKey(app, clinicA),
        leadA: '',
        departmentA: await createdId(app, clinicA, '/api/v1/departments', { name: 'Odontologia' }),
        tagA: await createdId(app, clinicA, '/api/v1/tags', { name: 'VIP', color: '#FFAA00' }),
        templateA: await createdId(app, clinicA, '/api/v1/templates', { name: 'Confirmação', content: 'Olá {{nome}}, até amanhã!' }),
        quickReplyA: await createdId(app, clinicA, '/api/v1/quick-replies', { trigger: 'horarios', response: 'Atendemos das 8h às 18h.' }),
        noteA: '',
        notificationA: '',
      };
      ctx.leadA = await addLead(app, clinicA, ctx.conversationA);
      ctx.noteA = await createdId(app, clinicA, `/api/v1/conversations/${ctx.conversationA}/notes`, { body: 'Paciente prefere manhã' });
      [ctx.notificationA] = await app.get(NotificationsService).notify(clinicA.organizationId, { userIds: [clinicA.admin.userId] }, {
        type: NotificationType.ConversationHandoff,
        title: 'Isolation probe',
        body: 'Isolation probe',
        data: { conversation_id: ctx.conversationA },
      });
    });

    it('should have an isolation case for every route that takes an id', () => {
      const withId = routes.filter((entry) => /:(id|name)\b/.test(entry.route)).map((entry) => entry.route);
      expect(withId.sort()).toEqual(Object.keys(ISOLATION_CASES).sort());
    });

    it.each(Object.keys(ISOLATION_CASES))('%s should not reach another clinic’s record', async (route) => {
      const { actor, id, second, body, expected } = ISOLATION_CASES[route](ctx);
      const response = await call(app, { route }, id, second).set(...bearer(actor)).send(body ?? {});
      expect(response.status).toBe(expected);
      // The record is untouched and still visible to its own clinic.
      if (route.includes('/users/')) {
        await http(app).get(`/api/v1/users/${id}`).set(...bearer(ctx.clinicA.admin)).expect(200);
      } else if (route.includes('/waha/sessions/')) {
        await http(app).get(`/api/v1/waha/sessions/${id}`).set(...bearer(ctx.clinicA.admin)).expect(200);
      } else if (route.includes('/contacts/')) {
        const contact = await http(app).get(`/api/v1/contacts/${id}`).set(...bearer(ctx.clinicA.admin)).expect(200);
        expect(contact.body.name).toBe('Paciente A');
      } else if (PROBES.some(([prefix]) => route.includes(prefix))) {
        const [, probe] = PROBES.find(([prefix]) => route.includes(prefix)) as (typeof PROBES)[number];
        await http(app).get(probe(ctx, id)).set(...bearer(ctx.clinicA.admin)).expect(200);
      } else if (route.includes('/knowledge/')) {
        const item = await http(app).get(`/api/v1/knowledge/${id}`).set(...bearer(ctx.clinicA.admin)).expect(200);
        expect(item.body.title).toBe('Estacionamento');
      } else if (route.includes('/ai/keys/')) {
        const keys = await http(app).get('/api/v1/ai/keys').set(...bearer(ctx.clinicA.admin)).expect(200);
        expect(keys.body.items.map((key: { id: string }) => key.id)).toContain(id);
      } else if (route.includes('/leads/')) {
        await http(app).get(`/api/v1/leads/${id}`).set(...bearer(ctx.clinicA.admin)).expect(200);
      } else if (route.includes('/conversations/') || route.includes('/messages/')) {
        const history = await http(app).get(`/api/v1/conversations/${ctx.conversationA}/messages`).set(...bearer(ctx.clinicA.admin)).expect(200);
        expect(history.body.items.map((message: { id: string }) => message.id)).toEqual([ctx.messageA]);
      } else if (route.includes('/alerts/')) {
        const open = await http(app).get('/api/v1/alerts?status=open').set(...bearer(ctx.clinicA.admin)).expect(200);
        expect(open.body.items.map((alert: { id: string }) => alert.id)).toContain(id);
      } else {
        const organization = await http(app).get(`/api/v1/organizations/${id}`).set(...bearer(ctx.superAdmin)).expect(200);
        expect(organization.body.status).toBe('active');
      }
    });
  });
});

async function raiseAlert(app: NestFastifyApplication, clinic: Clinic): Promise<string> {
  await app.get(AlertsService).raise(clinic.organizationId, {
    type: AlertType.QueueBacklog,
    severity: AlertSeverity.Warning,
    title: 'Isolation probe',
    dedupeKey: 'isolation-probe',
  });
  const response = await http(app).get('/api/v1/alerts').set(...bearer(clinic.admin)).expect(200);
  return (response.body.items as Array<{ id: string }>)[0].id;
}

async function createdId(app: NestFastifyApplication, clinic: Clinic, path: string, body: object): Promise<string> {
  return ((await http(app).post(path).set(...bearer(clinic.admin)).send(body).expect(201)).body as { id: string }).id;
}

async function addKnowledge(app: NestFastifyApplication, clinic: Clinic): Promise<string> {
  const body = { title: 'Estacionamento', content: 'Estacionamento conveniado na Rua Augusta, 200.', category: 'location' };
  return ((await http(app).post('/api/v1/knowledge').set(...bearer(clinic.admin)).send(body).expect(201)).body as { id: string }).id;
}

async function addAiKey(app: NestFastifyApplication, clinic: Clinic): Promise<string> {
  const body = { api_key: `AIzaSy-isolation-probe-${randomUUID()}` };
  return ((await http(app).post('/api/v1/ai/keys').set(...bearer(clinic.admin)).send(body).expect(201)).body as { id: string }).id;
}

async function addLead(app: NestFastifyApplication, clinic: Clinic, conversationId: string): Promise<string> {
  const [conversation] = await dataSourceOf(app).query(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId]);
  const { lead } = await app.get(LeadsService).ensureForConversation({
    organizationId: clinic.organizationId,
    conversationId,
    contactId: conversation.contact_id,
    source: LeadSource.Whatsapp,
  });
  return lead.id;
}

async function addContact(app: NestFastifyApplication, clinic: Clinic): Promise<string> {
  const response = await http(app).post('/api/v1/contacts').set(...bearer(clinic.admin)).send({ name: 'Paciente A', phone: '(11) 98765-4321' }).expect(201);
  return (response.body as { id: string }).id;
}

/** One of the clinic's conversations with one message, written directly (no webhook pipeline needed). */
async function addConversation(app: NestFastifyApplication, clinic: Clinic): Promise<{ conversationA: string; messageA: string }> {
  const db = dataSourceOf(app);
  const session = await insertWhatsappSession(app, clinic.organizationId);
  const [contact] = await db.query(`INSERT INTO contacts (organization_id, name, phone, source) VALUES ($1, 'Paciente C', '+5511912345678', 'whatsapp') RETURNING id`, [
    clinic.organizationId,
  ]);
  const [conversation] = await db.query(
    `INSERT INTO conversations (organization_id, contact_id, session_id, chat_id, last_message_at) VALUES ($1, $2, $3, '5511912345678@c.us', now()) RETURNING id`,
    [clinic.organizationId, contact.id, session.id],
  );
  const [message] = await db.query(
    `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, status, body, occurred_at)
     VALUES ($1, $2, $3, 'inbound', 'text', 'patient', 'received', 'Oi', now()) RETURNING id`,
    [clinic.organizationId, conversation.id, session.id],
  );
  return { conversationA: conversation.id, messageA: message.id };
}
