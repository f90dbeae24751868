import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { bearer, http, PREFIX, Session } from '../support/api';
import { insertConversation, messageCount } from '../support/conversation-rows';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember, createTeam, Team } from '../support/factories';

const TEMPLATES = `${PREFIX}/templates`;
const CONFIRMATION = 'Olá {{nome}}! Sua consulta na {{clinica}} é {{ data }} às {{hora}}.';

describe('Templates (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  function createTemplate(actor: Session, body: object): Test {
    return http(app).post(TEMPLATES).set(...bearer(actor)).send(body);
  }

  async function templateOk(actor: Session, content = CONFIRMATION, fields: object = {}): Promise<{ id: string; name: string }> {
    const response = await createTemplate(actor, { name: `Modelo ${randomUUID().slice(0, 8)}`, content, ...fields });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as { id: string; name: string };
  }

  function render(actor: Session, id: string, variables?: unknown): Test {
    return http(app).post(`${TEMPLATES}/${id}/render`).set(...bearer(actor)).send(variables === undefined ? {} : { variables });
  }

  describe('CRUD', () => {
    it('should create, read, update and delete a template, listing the variables it uses', async () => {
      const created = await createTemplate(team.clinic.admin, { name: 'Confirmação', content: CONFIRMATION, category: ' Agendamento ' }).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Confirmação',
        content: CONFIRMATION,
        category: 'agendamento',
        variables: ['nome', 'clinica', 'data', 'hora'],
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const url = `${TEMPLATES}/${created.body.id}`;
      await http(app).get(url).set(...bearer(team.secretary)).expect(200, created.body);
      const updated = await http(app).patch(url).set(...bearer(team.clinic.admin)).send({ content: 'Até {{data}}!', category: null }).expect(200);
      expect(updated.body).toMatchObject({ content: 'Até {{data}}!', category: null, variables: ['data'] });
      const listed = await http(app).get(TEMPLATES).query({ search: 'Confirma' }).set(...bearer(team.viewer)).expect(200);
      expect((listed.body.items as { id: string }[]).map((item) => item.id)).toContain(created.body.id);
      await http(app).delete(url).set(...bearer(team.clinic.admin)).expect(204);
      expectError(await http(app).get(url).set(...bearer(team.clinic.admin)), 404, 'TEMPLATE_NOT_FOUND');
    });

    it('should filter the list by category', async () => {
      const category = `cat${randomUUID().slice(0, 6)}`;
      const inCategory = await templateOk(team.clinic.admin, 'Oi', { category });
      await templateOk(team.clinic.admin, 'Oi');
      const listed = await http(app).get(TEMPLATES).query({ category }).set(...bearer(team.clinic.admin)).expect(200);
      expect((listed.body.items as { id: string }[]).map((item) => item.id)).toEqual([inCategory.id]);
    });

    it('should refuse a name already used in the organization, ignoring case', async () => {
      const template = await templateOk(team.clinic.admin);
      expectError(await createTemplate(team.clinic.admin, { name: template.name.toUpperCase(), content: 'x' }), 409, 'TEMPLATE_NAME_TAKEN');
      await createTemplate(team.otherClinic.admin, { name: template.name, content: 'x' }).expect(201);
    });

    it('should refuse unknown variables and broken placeholders at save time, listing them', async () => {
      const unknown = await createTemplate(team.clinic.admin, { name: 'Ruim', content: 'Olá {{nomee}}, {{Data}} e {{nome}}' });
      expectError(unknown, 400, 'TEMPLATE_VARIABLES_INVALID');
      expect(unknown.body.details).toEqual({ unknown: ['nomee', 'Data'], malformed: false });
      expectError(await createTemplate(team.clinic.admin, { name: 'Ruim', content: 'Olá {{nome' }), 400, 'TEMPLATE_VARIABLES_INVALID');
      const template = await templateOk(team.clinic.admin);
      expectError(await http(app).patch(`${TEMPLATES}/${template.id}`).set(...bearer(team.clinic.admin)).send({ content: '{{medico}}' }), 400, 'TEMPLATE_VARIABLES_INVALID');
    });

    it.each([
      ['no content', { name: 'A' }, ['content']],
      ['content past 4096 characters', { name: 'A', content: 'a'.repeat(4097) }, ['content']],
      ['a blank name', { name: ' ', content: 'x' }, ['name']],
      ['an unknown field', { name: 'A', content: 'x', language: 'pt' }, ['language']],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, fields) => {
      expectInvalidFields(await createTemplate(team.clinic.admin, body), fields);
    });

    it('should let only admins manage templates, and hide other clinics’ templates', async () => {
      const template = await templateOk(team.clinic.admin);
      for (const actor of [team.secretary, team.viewer]) {
        expectError(await createTemplate(actor, { name: 'X', content: 'x' }), 403, 'FORBIDDEN');
        expectError(await http(app).patch(`${TEMPLATES}/${template.id}`).set(...bearer(actor)).send({ name: 'Y' }), 403, 'FORBIDDEN');
        expectError(await http(app).delete(`${TEMPLATES}/${template.id}`).set(...bearer(actor)), 403, 'FORBIDDEN');
      }
      const other = team.otherClinic.admin;
      expectError(await http(app).get(`${TEMPLATES}/${template.id}`).set(...bearer(other)), 404, 'TEMPLATE_NOT_FOUND');
      expectError(await http(app).patch(`${TEMPLATES}/${template.id}`).set(...bearer(other)).send({ name: 'Y' }), 404, 'TEMPLATE_NOT_FOUND');
      expectError(await http(app).delete(`${TEMPLATES}/${template.id}`).set(...bearer(other)), 404, 'TEMPLATE_NOT_FOUND');
      expectError(await render(other, template.id, {}), 404, 'TEMPLATE_NOT_FOUND');
      expectError(await http(app).get(TEMPLATES), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /templates/:id/render', () => {
    it('should render with the given values', async () => {
      const template = await templateOk(team.clinic.admin);
      const response = await render(team.secretary, template.id, { nome: 'Maria', clinica: 'Clínica Sorriso', data: '25/11', hora: '14h30' }).expect(200);
      expect(response.body).toEqual({ text: 'Olá Maria! Sua consulta na Clínica Sorriso é 25/11 às 14h30.', variables: ['nome', 'clinica', 'data', 'hora'] });
    });

    it('should answer 400 TEMPLATE_VARIABLES_INVALID listing missing and unknown variables', async () => {
      const template = await templateOk(team.clinic.admin);
      const response = await render(team.secretary, template.id, { nome: 'Maria', data: ' ', medico: 'Dr. João' });
      expectError(response, 400, 'TEMPLATE_VARIABLES_INVALID');
      expect(response.body.details).toEqual({ missing: ['clinica', 'data', 'hora'], unknown: ['medico'] });
      expect(response.body.message).toContain('missing: clinica, data, hora');
      expectError(await render(team.secretary, template.id), 400, 'TEMPLATE_VARIABLES_INVALID');
    });

    it('should answer 400 VALIDATION_FAILED for values that are not strings', async () => {
      const template = await templateOk(team.clinic.admin);
      expectInvalidFields(await render(team.secretary, template.id, { nome: 1 }), ['variables']);
      expectInvalidFields(await render(team.secretary, template.id, 'nome'), ['variables']);
      expectInvalidFields(await render(team.secretary, template.id, { nome: 'a'.repeat(501) }), ['variables']);
    });
  });

  describe('sending a template in POST /conversations/:id/messages', () => {
    function send(actor: Session, conversationId: string, body: object): Test {
      return http(app).post(`${PREFIX}/conversations/${conversationId}/messages`).set(...bearer(actor)).send(body);
    }

    it('should fill the patient’s name and the clinic’s, then queue the rendered text', async () => {
      const clinicName = `Clínica Sorriso ${randomUUID().slice(0, 6)}`;
      const clinic = await createClinic(app, { name: clinicName });
      const secretary = await createMember(app, clinic.admin, 'secretary');
      const conversation = await insertConversation(app, clinic.organizationId, { contact: { name: 'Maria Souza' } });
      const template = await templateOk(clinic.admin);
      const response = await send(secretary, conversation.id, { template_id: template.id, variables: { data: '25/11', hora: '9h' } }).expect(202);
      expect(response.body).toMatchObject({ status: 'queued', body: `Olá Maria Souza! Sua consulta na ${clinicName} é 25/11 às 9h.` });

      const overridden = await send(secretary, conversation.id, { template_id: template.id, variables: { nome: 'Dona Maria', data: '26/11', hora: '10h' } }).expect(202);
      expect(overridden.body.body).toBe(`Olá Dona Maria! Sua consulta na ${clinicName} é 26/11 às 10h.`);
    });

    it('should refuse missing or unknown variables and queue nothing', async () => {
      const conversation = await insertConversation(app, team.clinic.organizationId, { contact: { name: null } });
      const template = await templateOk(team.clinic.admin);
      const response = await send(team.clinic.admin, conversation.id, { template_id: template.id, variables: { data: '25/11', cor: 'azul' } });
      expectError(response, 400, 'TEMPLATE_VARIABLES_INVALID');
      expect(response.body.details).toEqual({ missing: ['nome', 'hora'], unknown: ['cor'] });
      expect(await messageCount(app, conversation.id)).toBe(0);
    });

    it('should answer 404 for another clinic’s template and for another secretary’s conversation', async () => {
      const conversation = await insertConversation(app, team.clinic.organizationId);
      const foreign = await templateOk(team.otherClinic.admin, 'Oi');
      expectError(await send(team.clinic.admin, conversation.id, { template_id: foreign.id }), 404, 'TEMPLATE_NOT_FOUND');
      const mine = await templateOk(team.clinic.admin, 'Oi');
      const colleagues = await insertConversation(app, team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
      expectError(await send(team.secretary, colleagues.id, { template_id: mine.id }), 404, 'CONVERSATION_NOT_FOUND');
      expect(await messageCount(app, conversation.id)).toBe(0);
    });

    it('should answer 409 on a closed conversation and 400 for a mix of text and template', async () => {
      const closed = await insertConversation(app, team.clinic.organizationId, { status: ConversationStatus.Closed });
      const template = await templateOk(team.clinic.admin, 'Oi');
      expectError(await send(team.clinic.admin, closed.id, { template_id: template.id }), 409, 'CONVERSATION_CLOSED');
      const open = await insertConversation(app, team.clinic.organizationId);
      expectInvalidFields(await send(team.clinic.admin, open.id, { template_id: template.id, text: 'oi' }), ['text']);
      expectInvalidFields(await send(team.clinic.admin, open.id, { text: 'oi', variables: { nome: 'Ana' } }), ['variables']);
      expectInvalidFields(await send(team.clinic.admin, open.id, { template_id: 'abc' }), ['template_id']);
      expectError(await send(team.viewer, open.id, { template_id: template.id }), 403, 'FORBIDDEN');
    });
  });
});
