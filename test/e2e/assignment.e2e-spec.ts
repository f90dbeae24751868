import { randomInt, randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { ConversationAssignedEvent, DomainEvent } from 'src/common/events/domain-events';
import { AssignmentEngine } from 'src/modules/assignment/engine/assignment-engine.service';
import { ContactEntity, ContactSource } from 'src/modules/contacts/contact.entity';
import { ConversationEntity, ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { LeadEntity } from 'src/modules/leads/lead.entity';
import { LeadSource } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { bearer, http, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { Clinic, createClinic, createMember, createTeam, Team } from '../support/factories';
import { waitFor } from '../support/wait-for';
import { dataSourceOf, insertWhatsappSession } from '../support/whatsapp';

const ASSIGNMENT = `${PREFIX}/assignment`;
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, intervals: [{ start: '00:00', end: '24:00' }] }));

interface WaitingOptions {
  procedure?: string;
  assignedToId?: string | null;
  status?: ConversationStatus;
}

describe('Assignment (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  const engine = (): AssignmentEngine => app.get(AssignmentEngine);

  function putAvailability(actor: Session, body: Record<string, unknown>, userId?: string): Test {
    const path = userId ? `${ASSIGNMENT}/users/${userId}/availability` : `${ASSIGNMENT}/me/availability`;
    return http(app).put(path).set(...bearer(actor)).send(body);
  }

  async function makeAvailable(...secretaries: Session[]): Promise<void> {
    for (const secretary of secretaries) await putAvailability(secretary, { available: true, working_hours: null }).expect(200);
  }

  async function insertWaiting(organizationId: string, options: WaitingOptions = {}): Promise<ConversationEntity> {
    const session = await insertWhatsappSession(app, organizationId);
    const digits = String(randomInt(10_000_000, 99_999_999));
    const contacts = dataSourceOf(app).getRepository(ContactEntity);
    const contact = await contacts.save(contacts.create({ organizationId, name: `Paciente ${digits}`, phone: `+55119${digits}`, source: ContactSource.Whatsapp }));
    const conversations = dataSourceOf(app).getRepository(ConversationEntity);
    return conversations.save(
      conversations.create({
        organizationId,
        sessionId: session.id,
        contactId: contact.id,
        chatId: `55119${digits}@c.us`,
        status: options.status ?? ConversationStatus.WaitingSecretary,
        ownerType: ConversationOwner.Nobody,
        assignedToId: options.assignedToId ?? null,
        context: options.procedure ? { procedure: options.procedure } : {},
      }),
    );
  }

  async function assigneeOf(conversationId: string): Promise<string | null> {
    return (await dataSourceOf(app).getRepository(ConversationEntity).findOneByOrFail({ id: conversationId })).assignedToId;
  }

  async function leadAssigneeOf(leadId: string): Promise<string | null> {
    return (await dataSourceOf(app).getRepository(LeadEntity).findOneByOrFail({ id: leadId })).assignedToId;
  }

  async function clinicWithSecretaries(count: number): Promise<{ clinic: Clinic; secretaries: Session[] }> {
    const clinic = await createClinic(app);
    const secretaries: Session[] = [];
    for (let index = 0; index < count; index += 1) secretaries.push(await createMember(app, clinic.admin, 'secretary'));
    return { clinic, secretaries };
  }

  describe('availability', () => {
    it('should start unavailable, then let a secretary mark herself available with working hours', async () => {
      const secretary = await createMember(app, team.clinic.admin, 'secretary');
      const initial = await http(app).get(`${ASSIGNMENT}/me/availability`).set(...bearer(secretary)).expect(200);
      expect(initial.body).toEqual({
        user_id: secretary.userId,
        available: false,
        working_hours: null,
        timezone: 'America/Sao_Paulo',
        within_working_hours: true,
        eligible: false,
        last_assigned_at: null,
      });

      const set = await putAvailability(secretary, { available: true, working_hours: ALL_WEEK }).expect(200);
      expect(set.body).toMatchObject({ available: true, working_hours: ALL_WEEK, within_working_hours: true, eligible: true });

      // Omitted hours are kept; an empty week means never working.
      expect((await putAvailability(secretary, { available: false }).expect(200)).body).toMatchObject({ available: false, working_hours: ALL_WEEK, eligible: false });
      expect((await putAvailability(secretary, { available: true, working_hours: [] }).expect(200)).body).toMatchObject({
        within_working_hours: false,
        eligible: false,
      });
    });

    it('should validate the body', async () => {
      const put = (body: Record<string, unknown>): Test => putAvailability(team.secretary, body);
      expectInvalidFields(await put({}), ['available']);
      expectInvalidFields(await put({ available: 'yes' }), ['available']);
      expectInvalidFields(await put({ available: true, working_hours: [{ weekday: 7, intervals: [] }] }), ['working_hours.0.weekday']);
      expectInvalidFields(await put({ available: true, working_hours: [{ weekday: 1, intervals: [{ start: '8h', end: '12:00' }] }] }), [
        'working_hours.0.intervals.0.start',
      ]);
      expectInvalidFields(
        await put({ available: true, working_hours: [{ weekday: 1, intervals: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }] }] }),
        ['working_hours.0.intervals'],
      );
      expectInvalidFields(await put({ available: true, working_hours: [{ weekday: 1, intervals: [] }, { weekday: 1, intervals: [] }] }), ['working_hours']);
      expectInvalidFields(await put({ available: true, user_id: randomUUID() }), ['user_id']);
    });

    it('should keep automatic assignment to secretaries', async () => {
      expectError(await putAvailability(team.clinic.admin, { available: true }), 422, 'ASSIGNMENT_NOT_A_SECRETARY');
      expectError(await putAvailability(team.viewer, { available: true }), 422, 'ASSIGNMENT_NOT_A_SECRETARY');
      await http(app).get(`${ASSIGNMENT}/me/availability`).set(...bearer(team.viewer)).expect(200);
      expectError(await http(app).get(`${ASSIGNMENT}/me/availability`), 401, 'UNAUTHENTICATED');
    });

    it('should let an admin read and set a secretary’s availability, only in her own clinic', async () => {
      const secretary = await createMember(app, team.clinic.admin, 'secretary');
      const set = await putAvailability(team.clinic.admin, { available: true }, secretary.userId).expect(200);
      expect(set.body).toMatchObject({ user_id: secretary.userId, available: true, eligible: true });
      const read = await http(app).get(`${ASSIGNMENT}/users/${secretary.userId}/availability`).set(...bearer(team.clinic.admin)).expect(200);
      expect(read.body).toMatchObject({ available: true });

      expectError(await putAvailability(team.otherClinic.admin, { available: false }, secretary.userId), 404, 'ASSIGNMENT_USER_NOT_FOUND');
      expectError(await http(app).get(`${ASSIGNMENT}/users/${secretary.userId}/availability`).set(...bearer(team.otherClinic.admin)), 404, 'ASSIGNMENT_USER_NOT_FOUND');
      expectError(await putAvailability(team.clinic.admin, { available: true }, team.viewer.userId), 422, 'ASSIGNMENT_NOT_A_SECRETARY');
      expectError(await putAvailability(team.secretary, { available: true }, secretary.userId), 403, 'FORBIDDEN');
      expectError(await putAvailability(team.clinic.admin, { available: true }, 'nope'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('settings', () => {
    it('should default to round robin and switch to least load, per organization', async () => {
      const clinic = await createClinic(app);
      const get = (actor: Session): Test => http(app).get(`${ASSIGNMENT}/settings`).set(...bearer(actor));
      expect((await get(clinic.admin).expect(200)).body).toEqual({ rule: 'round_robin', updated_at: null });
      const put = await http(app).put(`${ASSIGNMENT}/settings`).set(...bearer(clinic.admin)).send({ rule: 'least_load' }).expect(200);
      expect(put.body).toEqual({ rule: 'least_load', updated_at: expect.any(String) });
      expect((await get(clinic.admin).expect(200)).body.rule).toBe('least_load');
      expect((await get(team.otherClinic.admin).expect(200)).body.rule).toBe('round_robin');
    });

    it('should refuse bad rules and non-admins', async () => {
      expectInvalidFields(await http(app).put(`${ASSIGNMENT}/settings`).set(...bearer(team.clinic.admin)).send({ rule: 'random' }), ['rule']);
      expectError(await http(app).put(`${ASSIGNMENT}/settings`).set(...bearer(team.secretary)).send({ rule: 'least_load' }), 403, 'FORBIDDEN');
      expectError(await http(app).get(`${ASSIGNMENT}/settings`).set(...bearer(team.viewer)), 403, 'FORBIDDEN');
    });
  });

  describe('engine', () => {
    it('should leave items waiting while nobody is available and assign them when a secretary becomes available', async () => {
      const { clinic, secretaries } = await clinicWithSecretaries(2);
      const conversation = await insertWaiting(clinic.organizationId);
      expect(await engine().assignWaiting(clinic.organizationId)).toEqual({ conversations: 0, leads: 0, waiting: 0 });
      expect(await assigneeOf(conversation.id)).toBeNull();

      await makeAvailable(secretaries[1]);
      await waitFor(async () => (await assigneeOf(conversation.id)) === secretaries[1].userId, { what: 'assignment on availability' });
    });

    it('should not assign outside a secretary’s working hours', async () => {
      const { clinic, secretaries } = await clinicWithSecretaries(1);
      await putAvailability(secretaries[0], { available: true, working_hours: [] }).expect(200);
      const conversation = await insertWaiting(clinic.organizationId);
      await engine().assignWaiting(clinic.organizationId);
      expect(await assigneeOf(conversation.id)).toBeNull();
    });

    it('should route by procedure to the department’s secretaries and wait when none of them is eligible', async () => {
      const { clinic, secretaries } = await clinicWithSecretaries(3);
      const [ana, bia, cris] = secretaries;
      await makeAvailable(ana, bia);
      const createDepartment = (body: Record<string, unknown>): Test => http(app).post(`${PREFIX}/departments`).set(...bearer(clinic.admin)).send(body);
      await createDepartment({ name: 'Odontologia', keywords: ['canal', 'limpeza'], member_ids: [bia.userId] }).expect(201);
      await createDepartment({ name: 'Dermatologia', keywords: ['botox'], member_ids: [cris.userId] }).expect(201);

      const canal = await insertWaiting(clinic.organizationId, { procedure: 'Tratamento de CANAL' });
      const limpeza = await insertWaiting(clinic.organizationId, { procedure: 'limpeza' });
      const botox = await insertWaiting(clinic.organizationId, { procedure: 'Botóx' });
      const anything = await insertWaiting(clinic.organizationId, { procedure: 'consulta geral' });
      await engine().assignWaiting(clinic.organizationId);

      expect(await assigneeOf(canal.id)).toBe(bia.userId);
      expect(await assigneeOf(limpeza.id)).toBe(bia.userId);
      expect([ana.userId, bia.userId]).toContain(await assigneeOf(anything.id));
      expect(await assigneeOf(botox.id)).toBeNull();

      await makeAvailable(cris);
      await waitFor(async () => (await assigneeOf(botox.id)) === cris.userId, { what: 'department member became available' });
    });

    it('should keep a lead with the secretary of its conversation', async () => {
      const { clinic, secretaries } = await clinicWithSecretaries(2);
      const [ana, bia] = secretaries;
      await makeAvailable(bia);
      const conversation = await insertWaiting(clinic.organizationId);
      await engine().assignWaiting(clinic.organizationId);
      expect(await assigneeOf(conversation.id)).toBe(bia.userId);

      // Round robin alone would now pick Ana, who never got an item.
      await makeAvailable(ana);
      const { lead } = await app.get(LeadsService).ensureForConversation({
        organizationId: clinic.organizationId,
        conversationId: conversation.id,
        contactId: conversation.contactId,
        source: LeadSource.Whatsapp,
        assignedToId: null,
      });
      await waitFor(async () => (await leadAssigneeOf(lead.id)) !== null, { what: 'lead assigned on lead.created' });
      expect(await leadAssigneeOf(lead.id)).toBe(bia.userId);
    });

    it('should give the item to the least loaded secretary under least load', async () => {
      const { clinic, secretaries } = await clinicWithSecretaries(2);
      const [ana, bia] = secretaries;
      await http(app).put(`${ASSIGNMENT}/settings`).set(...bearer(clinic.admin)).send({ rule: 'least_load' }).expect(200);
      await insertWaiting(clinic.organizationId, { assignedToId: bia.userId, status: ConversationStatus.Active });
      await insertWaiting(clinic.organizationId, { assignedToId: bia.userId, status: ConversationStatus.Active });
      await insertWaiting(clinic.organizationId, { assignedToId: ana.userId, status: ConversationStatus.Active });
      await insertWaiting(clinic.organizationId, { assignedToId: ana.userId, status: ConversationStatus.Closed });
      await makeAvailable(ana, bia);
      const waiting = [await insertWaiting(clinic.organizationId), await insertWaiting(clinic.organizationId), await insertWaiting(clinic.organizationId)];
      await engine().assignWaiting(clinic.organizationId);
      // Ana holds 1 open item and Bia 2: Ana gets the first two, then each has 3 and the turn goes to Bia.
      const assignees = await Promise.all(waiting.map((item) => assigneeOf(item.id)));
      expect(assignees.filter((id) => id === ana.userId)).toHaveLength(2);
      expect(assignees.filter((id) => id === bia.userId)).toHaveLength(1);
    });

    it('should return a deactivated secretary’s open items to the queue and give them to another', async () => {
      const { clinic, secretaries } = await clinicWithSecretaries(2);
      const [ana, bia] = secretaries;
      const first = await insertWaiting(clinic.organizationId, { assignedToId: ana.userId });
      const second = await insertWaiting(clinic.organizationId, { assignedToId: ana.userId, status: ConversationStatus.Active });
      const closed = await insertWaiting(clinic.organizationId, { assignedToId: ana.userId, status: ConversationStatus.Closed });
      const { lead } = await app.get(LeadsService).ensureForConversation({
        organizationId: clinic.organizationId,
        conversationId: second.id,
        contactId: second.contactId,
        source: LeadSource.Whatsapp,
        assignedToId: ana.userId,
      });
      await makeAvailable(ana, bia);

      await http(app).patch(`${PREFIX}/users/${ana.userId}`).set(...bearer(clinic.admin)).send({ is_active: false }).expect(200);
      await waitFor(async () => (await assigneeOf(first.id)) === bia.userId && (await leadAssigneeOf(lead.id)) === bia.userId, {
        what: 'work moved to the remaining secretary',
      });
      expect(await assigneeOf(second.id)).not.toBe(ana.userId);
      // A closed conversation is no open work: it keeps its assignee as history.
      expect(await assigneeOf(closed.id)).toBe(ana.userId);
    });

    it('should give each item to exactly one secretary when ten runs race, keeping loads balanced', async () => {
      const { clinic, secretaries } = await clinicWithSecretaries(3);
      await makeAvailable(...secretaries);
      const items: ConversationEntity[] = [];
      for (let index = 0; index < 5; index += 1) items.push(await insertWaiting(clinic.organizationId));
      const ids = new Set(items.map((item) => item.id));
      const assignedEvents: ConversationAssignedEvent[] = [];
      const listener = (event: ConversationAssignedEvent): void => {
        if (ids.has(event.conversationId)) assignedEvents.push(event);
      };
      app.get(EventEmitter2).on(DomainEvent.ConversationAssigned, listener);
      try {
        const runs = await Promise.all(Array.from({ length: 10 }, () => engine().assignWaiting(clinic.organizationId)));
        expect(runs.reduce((sum, run) => sum + run.conversations, 0)).toBeLessThanOrEqual(5);
        await waitFor(async () => (await Promise.all(items.map((item) => assigneeOf(item.id)))).every((id) => id !== null), { what: 'all assigned' });
        // The background worker (triggered by the availability changes) races too; still one assignment per item.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(assignedEvents).toHaveLength(5);
        expect(new Set(assignedEvents.map((event) => event.conversationId)).size).toBe(5);
      } finally {
        app.get(EventEmitter2).off(DomainEvent.ConversationAssigned, listener);
      }
      const assignees = await Promise.all(items.map((item) => assigneeOf(item.id)));
      const loads = secretaries.map((secretary) => assignees.filter((id) => id === secretary.userId).length);
      expect(loads.reduce((sum, load) => sum + load, 0)).toBe(5);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    });

    it('should never assign to another clinic’s secretary', async () => {
      const { clinic } = await clinicWithSecretaries(0);
      const foreign = await createMember(app, team.otherClinic.admin, 'secretary');
      await makeAvailable(foreign);
      const conversation = await insertWaiting(clinic.organizationId);
      await engine().assignWaiting(clinic.organizationId);
      expect(await assigneeOf(conversation.id)).toBeNull();
    });
  });
});
