import { randomInt, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { LeadSource } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember, createTeam, Team } from '../support/factories';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

const DEPARTMENTS = `${PREFIX}/departments`;

describe('Departments (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  function create(actor: Session, body: Record<string, unknown>): Test {
    return http(app).post(DEPARTMENTS).set(...bearer(actor)).send(body);
  }

  async function createOk(actor: Session, body: Record<string, unknown>): Promise<{ id: string; name: string; member_ids: string[] }> {
    const response = await create(actor, body);
    expect(response.status).toBe(201);
    return response.body as { id: string; name: string; member_ids: string[] };
  }

  const uniqueName = (label: string): string => `${label} ${randomUUID().slice(0, 6)}`;

  async function insertConversation(organizationId: string, procedure?: string): Promise<ConversationEntity> {
    const session = await insertWhatsappSession(app, organizationId);
    const digits = String(randomInt(10_000_000, 99_999_999));
    const contacts = dataSourceOf(app).getRepository(ContactEntity);
    const contact = await contacts.save(contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp }));
    const conversations = dataSourceOf(app).getRepository(ConversationEntity);
    return conversations.save(
      conversations.create({ organizationId, sessionId: session.id, contactId: contact.id, chatId: `55119${digits}@c.us`, context: procedure ? { procedure } : {} }),
    );
  }

  describe('POST /departments', () => {
    it('should create a department with keywords and secretaries', async () => {
      const name = uniqueName('Odontologia');
      const response = await create(team.clinic.admin, {
        name: `  ${name} `,
        description: 'Limpeza e canal',
        keywords: ['limpeza', 'tratamento de canal'],
        member_ids: [team.secretary.userId, team.otherSecretary.userId],
      }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name,
        description: 'Limpeza e canal',
        keywords: ['limpeza', 'tratamento de canal'],
        member_ids: [team.secretary.userId, team.otherSecretary.userId],
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const read = await http(app).get(`${DEPARTMENTS}/${response.body.id}`).set(...bearer(team.secretary)).expect(200);
      expect(read.body.member_ids.sort()).toEqual([team.secretary.userId, team.otherSecretary.userId].sort());
    });

    it('should refuse a name already used in the organization, ignoring case, but not in another one', async () => {
      const name = uniqueName('Dermatologia');
      await createOk(team.clinic.admin, { name });
      expectError(await create(team.clinic.admin, { name: name.toUpperCase() }), 409, 'DEPARTMENT_NAME_TAKEN');
      await createOk(team.otherClinic.admin, { name });
    });

    it('should refuse members that are not active secretaries of the organization', async () => {
      const foreign = await createMember(app, team.otherClinic.admin, 'secretary');
      const response = await create(team.clinic.admin, {
        name: uniqueName('Estética'),
        member_ids: [team.secretary.userId, team.viewer.userId, foreign.userId, team.clinic.admin.userId, randomUUID()],
      });
      expectError(response, 422, 'DEPARTMENT_INVALID_MEMBER');
      expect(response.body.details.invalid_member_ids.sort()).toEqual(
        expect.arrayContaining([team.viewer.userId, foreign.userId, team.clinic.admin.userId]),
      );
      expect(response.body.details.invalid_member_ids).not.toContain(team.secretary.userId);
    });

    it('should validate the body', async () => {
      expectInvalidFields(await create(team.clinic.admin, {}), ['name']);
      expectInvalidFields(await create(team.clinic.admin, { name: 'x' }), ['name']);
      expectInvalidFields(await create(team.clinic.admin, { name: uniqueName('A'), organization_id: randomUUID() }), ['organization_id']);
      expectInvalidFields(await create(team.clinic.admin, { name: uniqueName('A'), keywords: ['Clareamento', 'clareaménto'] }), ['keywords']);
      expectInvalidFields(await create(team.clinic.admin, { name: uniqueName('A'), keywords: 'canal' }), ['keywords']);
      expectInvalidFields(await create(team.clinic.admin, { name: uniqueName('A'), member_ids: ['not-a-uuid'] }), ['member_ids']);
      const dup = randomUUID();
      expectInvalidFields(await create(team.clinic.admin, { name: uniqueName('A'), member_ids: [dup, dup] }), ['member_ids']);
    });

    it('should be for admins only', async () => {
      expectError(await create(team.secretary, { name: uniqueName('X') }), 403, 'FORBIDDEN');
      expectError(await create(team.viewer, { name: uniqueName('X') }), 403, 'FORBIDDEN');
      expectError(await http(app).post(DEPARTMENTS).send({ name: uniqueName('X') }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /departments', () => {
    it('should list the organization’s departments alphabetically, filtered and paged, never another clinic’s', async () => {
      const clinic = await createClinic(app);
      const secretary = await createMember(app, clinic.admin, 'secretary');
      await createOk(clinic.admin, { name: 'Pediatria', member_ids: [secretary.userId] });
      await createOk(clinic.admin, { name: 'Cardiologia' });
      await createOk(clinic.admin, { name: 'Ortopedia', member_ids: [secretary.userId] });
      await createOk(team.otherClinic.admin, { name: uniqueName('Pediatria') });

      const all = await http(app).get(DEPARTMENTS).set(...bearer(secretary)).expect(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, limit: 20, pages: 1 });
      expect(all.body.items.map((item: { name: string }) => item.name)).toEqual(['Cardiologia', 'Ortopedia', 'Pediatria']);

      const mine = await http(app).get(DEPARTMENTS).query({ member_id: secretary.userId, order: 'desc' }).set(...bearer(clinic.admin)).expect(200);
      expect(mine.body.items.map((item: { name: string }) => item.name)).toEqual(['Pediatria', 'Ortopedia']);

      const search = await http(app).get(DEPARTMENTS).query({ search: 'PEDIAT' }).set(...bearer(clinic.admin)).expect(200);
      expect(search.body.items.map((item: { name: string }) => item.name)).toEqual(['Pediatria']);

      const page2 = await http(app).get(DEPARTMENTS).query({ limit: 2, page: 2 }).set(...bearer(clinic.admin)).expect(200);
      expect(page2.body).toMatchObject({ total: 3, pages: 2, items: [{ name: 'Pediatria' }] });
    });

    it('should reject bad queries', async () => {
      expectInvalidFields(await http(app).get(DEPARTMENTS).query({ limit: 0 }).set(...bearer(team.clinic.admin)), ['limit']);
      expectInvalidFields(await http(app).get(DEPARTMENTS).query({ sort: 'keywords' }).set(...bearer(team.clinic.admin)), ['sort']);
      expectInvalidFields(await http(app).get(DEPARTMENTS).query({ member_id: 'x' }).set(...bearer(team.clinic.admin)), ['member_id']);
    });

    it('should answer 404 for another clinic’s department and 400 for a malformed id', async () => {
      const foreign = await createOk(team.otherClinic.admin, { name: uniqueName('Oftalmo') });
      expectError(await http(app).get(`${DEPARTMENTS}/${foreign.id}`).set(...bearer(team.clinic.admin)), 404, 'DEPARTMENT_NOT_FOUND');
      expectError(await http(app).get(`${DEPARTMENTS}/nope`).set(...bearer(team.clinic.admin)), 400, 'VALIDATION_FAILED');
    });
  });

  describe('PATCH /departments/:id', () => {
    it('should rename, change keywords and replace the members', async () => {
      const department = await createOk(team.clinic.admin, { name: uniqueName('Fisio'), member_ids: [team.secretary.userId] });
      const name = uniqueName('Fisioterapia');
      const response = await http(app)
        .patch(`${DEPARTMENTS}/${department.id}`)
        .set(...bearer(team.clinic.admin))
        .send({ name, keywords: ['pilates'], member_ids: [team.otherSecretary.userId], description: null })
        .expect(200);
      expect(response.body).toMatchObject({ name, keywords: ['pilates'], member_ids: [team.otherSecretary.userId], description: null });
    });

    it('should refuse a name taken by another department, another clinic’s id and non-admins', async () => {
      const first = await createOk(team.clinic.admin, { name: uniqueName('Nutri') });
      const second = await createOk(team.clinic.admin, { name: uniqueName('Psico') });
      const rename = (actor: Session, id: string, body: Record<string, unknown>): Test =>
        http(app).patch(`${DEPARTMENTS}/${id}`).set(...bearer(actor)).send(body);
      expectError(await rename(team.clinic.admin, second.id, { name: first.name.toLowerCase() }), 409, 'DEPARTMENT_NAME_TAKEN');
      expectError(await rename(team.otherClinic.admin, first.id, { name: uniqueName('Z') }), 404, 'DEPARTMENT_NOT_FOUND');
      expectError(await rename(team.secretary, first.id, { name: uniqueName('Z') }), 403, 'FORBIDDEN');
      expectError(await rename(team.clinic.admin, first.id, { member_ids: [team.viewer.userId] }), 422, 'DEPARTMENT_INVALID_MEMBER');
      expectInvalidFields(await rename(team.clinic.admin, first.id, { keywords: [42] }), ['keywords']);
    });
  });

  describe('DELETE /departments/:id', () => {
    it('should delete, then answer 404; another clinic cannot', async () => {
      const department = await createOk(team.clinic.admin, { name: uniqueName('Temporário') });
      expectError(await http(app).delete(`${DEPARTMENTS}/${department.id}`).set(...bearer(team.otherClinic.admin)), 404, 'DEPARTMENT_NOT_FOUND');
      expectError(await http(app).delete(`${DEPARTMENTS}/${department.id}`).set(...bearer(team.secretary)), 403, 'FORBIDDEN');
      await http(app).delete(`${DEPARTMENTS}/${department.id}`).set(...bearer(team.clinic.admin)).expect(204);
      expectError(await http(app).get(`${DEPARTMENTS}/${department.id}`).set(...bearer(team.clinic.admin)), 404, 'DEPARTMENT_NOT_FOUND');
      expectError(await http(app).delete(`${DEPARTMENTS}/${department.id}`).set(...bearer(team.clinic.admin)), 404, 'DEPARTMENT_NOT_FOUND');
    });
  });

  describe('routing by hand', () => {
    const routeConversation = (actor: Session, id: string, body: Record<string, unknown>): Test =>
      http(app).post(`${PREFIX}/conversations/${id}/department`).set(...bearer(actor)).send(body);

    it('should route a conversation by hand, and fall back to its procedure when the route is removed', async () => {
      const odonto = await createOk(team.clinic.admin, { name: uniqueName('Odonto'), keywords: ['clareamento dental'] });
      const dermato = await createOk(team.clinic.admin, { name: uniqueName('Dermato') });
      const conversation = await insertConversation(team.clinic.organizationId, 'Clareamento Dental');

      const manual = await routeConversation(team.clinic.admin, conversation.id, { department_id: dermato.id }).expect(200);
      expect(manual.body).toEqual({ department_id: dermato.id, department_name: dermato.name, source: 'manual' });

      const cleared = await routeConversation(team.clinic.admin, conversation.id, { department_id: null }).expect(200);
      expect(cleared.body).toEqual({ department_id: odonto.id, department_name: odonto.name, source: 'procedure' });

      const none = await insertConversation(team.clinic.organizationId, 'cardiologia pediátrica');
      expect((await routeConversation(team.clinic.admin, none.id, { department_id: null }).expect(200)).body).toEqual({
        department_id: null,
        department_name: null,
        source: null,
      });
    });

    it('should answer 404 for another clinic’s conversation or department, 403 for non-admins and 400 for bad input', async () => {
      const mine = await createOk(team.clinic.admin, { name: uniqueName('Mine') });
      const foreignDepartment = await createOk(team.otherClinic.admin, { name: uniqueName('Foreign') });
      const conversation = await insertConversation(team.clinic.organizationId);
      const foreignConversation = await insertConversation(team.otherClinic.organizationId);

      expectError(await routeConversation(team.clinic.admin, foreignConversation.id, { department_id: mine.id }), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await routeConversation(team.clinic.admin, conversation.id, { department_id: foreignDepartment.id }), 404, 'DEPARTMENT_NOT_FOUND');
      expectError(await routeConversation(team.secretary, conversation.id, { department_id: mine.id }), 403, 'FORBIDDEN');
      expectError(await routeConversation(team.viewer, conversation.id, { department_id: mine.id }), 403, 'FORBIDDEN');
      expectInvalidFields(await routeConversation(team.clinic.admin, conversation.id, {}), ['department_id']);
      expectInvalidFields(await routeConversation(team.clinic.admin, conversation.id, { department_id: 'x' }), ['department_id']);
      expectError(await routeConversation(team.clinic.admin, 'nope', { department_id: mine.id }), 400, 'VALIDATION_FAILED');
    });

    it('should route a lead by hand and scope it like the lead detail', async () => {
      const department = await createOk(team.clinic.admin, { name: uniqueName('Leads') });
      const conversation = await insertConversation(team.clinic.organizationId, 'implante');
      const { lead } = await app.get(LeadsService).ensureForConversation({
        organizationId: team.clinic.organizationId,
        conversationId: conversation.id,
        contactId: conversation.contactId,
        source: LeadSource.Whatsapp,
        assignedToId: null,
      });
      const route = (actor: Session, id: string, body: Record<string, unknown>): Test =>
        http(app).post(`${PREFIX}/leads/${id}/department`).set(...bearer(actor)).send(body);

      expect((await route(team.clinic.admin, lead.id, { department_id: department.id }).expect(200)).body).toEqual({
        department_id: department.id,
        department_name: department.name,
        source: 'manual',
      });
      expectError(await route(team.otherClinic.admin, lead.id, { department_id: department.id }), 404, 'LEAD_NOT_FOUND');
      expectError(await route(team.secretary, lead.id, { department_id: department.id }), 403, 'FORBIDDEN');
      expectInvalidFields(await route(team.clinic.admin, lead.id, { department_id: department.id, extra: true }), ['extra']);
    });
  });
});
