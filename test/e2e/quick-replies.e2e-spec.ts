import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createTeam, Team } from '../support/factories';

const QUICK_REPLIES = `${PREFIX}/quick-replies`;

interface QuickReplyBody {
  id: string;
  trigger: string;
  score: number | null;
}

describe('Quick replies (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  function create(actor: Session, body: object): Test {
    return http(app).post(QUICK_REPLIES).set(...bearer(actor)).send(body);
  }

  async function replyOk(actor: Session, body: object): Promise<QuickReplyBody> {
    const response = await create(actor, { response: 'Resposta padrão.', ...body });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as QuickReplyBody;
  }

  function suggest(actor: Session, query: Record<string, string | number>): Test {
    return http(app).get(QUICK_REPLIES).query(query).set(...bearer(actor));
  }

  it('should create, read, update and delete a quick reply, cleaning its terms', async () => {
    const created = await create(team.clinic.admin, {
      trigger: ' horarios ',
      response: 'Atendemos de segunda a sexta, das 8h às 18h.',
      contexts: [' agendamento', 'Agendamento', ''],
      keywords: ['horário', 'sábado'],
    }).expect(201);
    expect(created.body).toMatchObject({ trigger: 'horarios', contexts: ['agendamento'], keywords: ['horário', 'sábado'], score: null });
    const url = `${QUICK_REPLIES}/${created.body.id}`;
    await http(app).get(url).set(...bearer(team.viewer)).expect(200, created.body);
    const updated = await http(app).patch(url).set(...bearer(team.clinic.admin)).send({ keywords: [] }).expect(200);
    expect(updated.body).toMatchObject({ keywords: [], contexts: ['agendamento'] });
    await http(app).delete(url).set(...bearer(team.clinic.admin)).expect(204);
    expectError(await http(app).get(url).set(...bearer(team.clinic.admin)), 404, 'QUICK_REPLY_NOT_FOUND');
  });

  it('should refuse a trigger already used in the organization, ignoring case', async () => {
    const trigger = `preco-${randomUUID().slice(0, 6)}`;
    await replyOk(team.clinic.admin, { trigger });
    expectError(await create(team.clinic.admin, { trigger: trigger.toUpperCase(), response: 'x' }), 409, 'QUICK_REPLY_TRIGGER_TAKEN');
    await replyOk(team.otherClinic.admin, { trigger });
  });

  it('should rank suggestions by context, trigger and keywords, ignoring accents and case', async () => {
    const { admin } = await createClinic(app);
    await replyOk(admin, { trigger: 'horarios', contexts: ['agendamento'], keywords: ['horário', 'sábado'] });
    await replyOk(admin, { trigger: 'remarcar', contexts: ['Agendamento'], keywords: ['desmarcar', 'remarcar'] });
    await replyOk(admin, { trigger: 'preco', contexts: ['financeiro'], keywords: ['valor', 'quanto custa'] });

    const byContext = await suggest(admin, { context: 'AGENDAMENTO' }).expect(200);
    expect((byContext.body.items as QuickReplyBody[]).map((item) => item.trigger)).toEqual(['horarios', 'remarcar']);

    const byMessage = await suggest(admin, { context: 'agendamento', q: 'Preciso DESMARCAR minha consulta' }).expect(200);
    const ranked = byMessage.body.items as QuickReplyBody[];
    expect(ranked.map((item) => item.trigger)).toEqual(['remarcar', 'horarios']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score ?? 0);

    const accents = await suggest(admin, { q: 'vocês abrem no sabado? qual o horario?' }).expect(200);
    expect((accents.body.items as QuickReplyBody[]).map((item) => item.trigger)).toEqual(['horarios']);

    const all = await suggest(admin, {}).expect(200);
    expect(all.body).toMatchObject({ total: 3, pages: 1 });
    expect((all.body.items as QuickReplyBody[]).map((item) => item.trigger)).toEqual(['horarios', 'preco', 'remarcar']);

    const paged = await suggest(admin, { context: 'agendamento', limit: 1, page: 2 }).expect(200);
    expect(paged.body).toMatchObject({ total: 2, pages: 2, items: [{ trigger: 'remarcar' }] });
  });

  it('should never suggest another clinic’s replies', async () => {
    const trigger = `exclusivo${randomUUID().slice(0, 6)}`;
    const foreign = await replyOk(team.otherClinic.admin, { trigger, contexts: ['agendamento'] });
    const mine = await suggest(team.clinic.admin, { q: trigger }).expect(200);
    expect(mine.body).toMatchObject({ items: [], total: 0 });
    expectError(await http(app).get(`${QUICK_REPLIES}/${foreign.id}`).set(...bearer(team.clinic.admin)), 404, 'QUICK_REPLY_NOT_FOUND');
    expectError(await http(app).patch(`${QUICK_REPLIES}/${foreign.id}`).set(...bearer(team.clinic.admin)).send({ response: 'x' }), 404, 'QUICK_REPLY_NOT_FOUND');
    expectError(await http(app).delete(`${QUICK_REPLIES}/${foreign.id}`).set(...bearer(team.clinic.admin)), 404, 'QUICK_REPLY_NOT_FOUND');
  });

  it('should let members read and only admins manage', async () => {
    const reply = await replyOk(team.clinic.admin, { trigger: `t${randomUUID().slice(0, 8)}` });
    for (const actor of [team.secretary, team.viewer]) {
      await suggest(actor, { context: 'agendamento' }).expect(200);
      expectError(await create(actor, { trigger: 'x', response: 'y' }), 403, 'FORBIDDEN');
      expectError(await http(app).patch(`${QUICK_REPLIES}/${reply.id}`).set(...bearer(actor)).send({ response: 'x' }), 403, 'FORBIDDEN');
      expectError(await http(app).delete(`${QUICK_REPLIES}/${reply.id}`).set(...bearer(actor)), 403, 'FORBIDDEN');
    }
    expectError(await http(app).get(QUICK_REPLIES), 401, 'UNAUTHENTICATED');
  });

  it.each([
    ['no response', { trigger: 'x' }, ['response']],
    ['a blank trigger', { trigger: ' ', response: 'x' }, ['trigger']],
    ['contexts not an array', { trigger: 'x', response: 'y', contexts: 'agendamento' }, ['contexts']],
    ['a non-string keyword', { trigger: 'x', response: 'y', keywords: [1] }, ['keywords']],
    ['too many keywords', { trigger: 'x', response: 'y', keywords: Array.from({ length: 21 }, (_v, i) => `k${i}`) }, ['keywords']],
    ['an unknown field', { trigger: 'x', response: 'y', priority: 1 }, ['priority']],
  ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, fields) => {
    expectInvalidFields(await create(team.clinic.admin, body), fields);
  });

  it('should answer 400 for bad query parameters and malformed ids', async () => {
    expectInvalidFields(await suggest(team.secretary, { context: '', limit: 500 }), ['context', 'limit']);
    expectInvalidFields(await suggest(team.secretary, { conversation: 'x' }), ['conversation']);
    expectError(await http(app).get(`${QUICK_REPLIES}/abc`).set(...bearer(team.secretary)), 400, 'VALIDATION_FAILED');
  });
});
