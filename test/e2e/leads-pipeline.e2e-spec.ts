import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { DomainEvent } from 'src/common/events/domain-events';
import { MessageDirection, MessageEntity, MessageSender, MessageStatus, MessageType } from 'src/modules/conversations/message.entity';
import { LeadEntity } from 'src/modules/leads/lead.entity';
import { LeadSource, LeadStatus } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember, createTeam, Team } from '../support/factories';
import { insertLead as insertTestLead, scoreOf, TestLeadOptions } from '../support/leads';
import { dataSourceOf } from '../support/whatsapp';

const LEADS = `${PREFIX}/leads`;

describe('Leads pipeline (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;
  let service: LeadsService;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
    service = app.get(LeadsService);
  });

  const insertLead = (organizationId: string, options: TestLeadOptions = {}): ReturnType<typeof insertTestLead> => insertTestLead(app, organizationId, options);
  const patch = (actor: Session, id: string, body: object): Test => http(app).patch(`${LEADS}/${id}`).set(...bearer(actor)).send(body);
  const detail = (actor: Session, id: string): Test => http(app).get(`${LEADS}/${id}`).set(...bearer(actor));
  const get = (actor: Session, path: string, query: Record<string, string | number> = {}): Test => http(app).get(`${LEADS}${path}`).query(query).set(...bearer(actor));
  const post = (actor: Session, path: string, body: object = {}): Test => http(app).post(`${LEADS}${path}`).set(...bearer(actor)).send(body);
  const remove = (actor: Session, id: string): Test => http(app).delete(`${LEADS}/${id}`).set(...bearer(actor));

  function captureEvents(...events: DomainEvent[]): { seen: [DomainEvent, unknown][]; stop: () => void } {
    const emitter = app.get(EventEmitter2);
    const seen: [DomainEvent, unknown][] = [];
    const listeners = events.map((event) => [event, (payload: unknown): void => void seen.push([event, payload])] as const);
    for (const [event, listener] of listeners) emitter.on(event, listener);
    return { seen, stop: () => listeners.forEach(([event, listener]) => emitter.off(event, listener)) };
  }

  describe('PATCH /leads/:id', () => {
    it('should change status, notes, assignee and appointment, keeping each change in the history and as an interaction', async () => {
      const { clinic, secretary } = team;
      const lead = await insertLead(clinic.organizationId);
      const events = captureEvents(DomainEvent.LeadUpdated, DomainEvent.LeadAssigned);
      try {
        const response = await patch(clinic.admin, lead.id, {
          status: 'READY',
          notes: '  Prefere sábado  ',
          assigned_to_id: secretary.userId,
          appointment_at: '2026-12-01T13:00:00.000Z',
        }).expect(200);
        expect(response.body).toMatchObject({ status: 'READY', notes: 'Prefere sábado', assigned_to_id: secretary.userId, appointment_at: '2026-12-01T13:00:00.000Z' });
        expect(response.body.interactions.map((entry: { type: string }) => entry.type)).toEqual(['SYSTEM', 'SYSTEM', 'SYSTEM', 'SYSTEM']);
        expect(events.seen).toEqual([
          [DomainEvent.LeadUpdated, { organizationId: clinic.organizationId, leadId: lead.id, changes: ['status', 'notes', 'assigned_to_id', 'appointment_at'] }],
          [DomainEvent.LeadAssigned, { organizationId: clinic.organizationId, leadId: lead.id, assignedToId: secretary.userId, previousAssigneeId: null, actorUserId: clinic.admin.userId }],
        ]);
      } finally {
        events.stop();
      }

      const history = await get(clinic.admin, `/${lead.id}/history`).expect(200);
      expect(history.body.total).toBe(4);
      expect(history.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'status', old_value: 'NEW', new_value: 'READY', actor_user_id: clinic.admin.userId }),
          expect.objectContaining({ field: 'notes', old_value: null, new_value: 'Prefere sábado' }),
          expect.objectContaining({ field: 'assigned_to_id', old_value: null, new_value: secretary.userId }),
          expect.objectContaining({ field: 'appointment_at', old_value: null, new_value: '2026-12-01T13:00:00.000Z' }),
        ]),
      );
      // Repeating the same values changes nothing.
      await patch(clinic.admin, lead.id, { status: 'READY', notes: 'Prefere sábado' }).expect(200);
      expect((await get(clinic.admin, `/${lead.id}/history`).expect(200)).body.total).toBe(4);
    });

    it('should follow the transition table: converted_at on CONVERTED, lost_reason for LOST, 409 INVALID_TRANSITION otherwise', async () => {
      const { admin } = team.clinic;
      const lead = await insertLead(team.clinic.organizationId);
      const refused = await patch(admin, lead.id, { status: 'CONVERTED' });
      expectError(refused, 409, 'INVALID_TRANSITION');
      expect(refused.body.details).toMatchObject({ from: 'NEW', to: 'CONVERTED' });

      expectInvalidFields(await patch(admin, lead.id, { status: 'LOST' }), ['lost_reason']);
      expectInvalidFields(await patch(admin, lead.id, { status: 'READY', lost_reason: 'Preço' }), ['lost_reason']);
      expect((await patch(admin, lead.id, { status: 'LOST', lost_reason: 'Achou caro' }).expect(200)).body).toMatchObject({ status: 'LOST', lost_reason: 'Achou caro' });
      expectError(await patch(admin, lead.id, { status: 'READY' }), 409, 'INVALID_TRANSITION');
      expect((await patch(admin, lead.id, { status: 'ENGAGED' }).expect(200)).body).toMatchObject({ status: 'ENGAGED', lost_reason: null });

      await patch(admin, lead.id, { status: 'SCHEDULED' }).expect(200);
      const converted = await patch(admin, lead.id, { status: 'CONVERTED' }).expect(200);
      expect(Date.parse(converted.body.converted_at)).toBeGreaterThan(Date.now() - 60_000);
      for (const status of ['LOST', 'SCHEDULED', 'NEW']) expectError(await patch(admin, lead.id, { status, lost_reason: status === 'LOST' ? 'x' : undefined }), 409, 'INVALID_TRANSITION');
    });

    it('should answer 409 when reopening a lost lead whose conversation has opened another', async () => {
      const { organizationId, admin } = team.clinic;
      const lead = await insertLead(organizationId);
      await patch(admin, lead.id, { status: 'LOST', lost_reason: 'Sumiu' }).expect(200);
      await service.ensureForConversation({ organizationId, conversationId: lead.conversation.id, contactId: lead.contactId, source: LeadSource.Whatsapp });
      expectError(await patch(admin, lead.id, { status: 'NEW' }), 409, 'LEAD_CONVERSATION_HAS_OPEN_LEAD');
      expect((await detail(admin, lead.id).expect(200)).body.status).toBe('LOST');
    });

    it('should refuse an assignee who is not an active admin or secretary of the clinic', async () => {
      const lead = await insertLead(team.clinic.organizationId);
      for (const assignee of [team.viewer.userId, team.otherClinic.admin.userId, randomUUID()]) {
        expectError(await patch(team.clinic.admin, lead.id, { assigned_to_id: assignee }), 422, 'LEAD_INVALID_ASSIGNEE');
      }
      expect((await detail(team.clinic.admin, lead.id).expect(200)).body.assigned_to_id).toBeNull();
    });

    it.each([
      ['an unknown status', { status: 'OPEN' }, 'status'],
      ['a null status', { status: null }, 'status'],
      ['a malformed assignee', { assigned_to_id: 'maria' }, 'assigned_to_id'],
      ['a malformed appointment', { appointment_at: 'amanhã' }, 'appointment_at'],
      ['notes too long', { notes: 'x'.repeat(5001) }, 'notes'],
      ['an unknown field', { score: 100 }, 'score'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, field) => {
      const lead = await insertLead(team.clinic.organizationId);
      expectInvalidFields(await patch(team.clinic.admin, lead.id, body), [field]);
    });

    it('should let a secretary work her and unassigned leads, and answer 404 for another secretary’s or clinic’s', async () => {
      const { clinic, secretary, otherSecretary, viewer, otherClinic } = team;
      const unassigned = await insertLead(clinic.organizationId);
      const others = await insertLead(clinic.organizationId, { assignedToId: otherSecretary.userId });
      await patch(secretary, unassigned.id, { assigned_to_id: secretary.userId, status: 'ENGAGED' }).expect(200);
      // Handing it to a colleague still answers the lead, though she no longer sees it afterwards.
      await patch(secretary, unassigned.id, { assigned_to_id: otherSecretary.userId }).expect(200);
      expectError(await detail(secretary, unassigned.id), 404, 'LEAD_NOT_FOUND');
      expectError(await patch(secretary, others.id, { notes: 'x' }), 404, 'LEAD_NOT_FOUND');
      expectError(await patch(otherClinic.admin, others.id, { notes: 'x' }), 404, 'LEAD_NOT_FOUND');
      expectError(await patch(viewer, others.id, { notes: 'x' }), 403, 'FORBIDDEN');
      expect((await detail(clinic.admin, others.id).expect(200)).body.notes).toBeNull();
    });
  });

  describe('POST /leads/:id/interactions', () => {
    it('should log an interaction, shown in the detail and the paged list newest first', async () => {
      const { clinic, secretary } = team;
      const lead = await insertLead(clinic.organizationId);
      const created = await post(secretary, `/${lead.id}/interactions`, { type: 'CALL', body: ' Liguei, retorno sexta ', occurred_at: '2026-11-20T10:00:00.000Z' }).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        type: 'CALL',
        body: 'Liguei, retorno sexta',
        occurred_at: '2026-11-20T10:00:00.000Z',
        author_id: secretary.userId,
        created_at: expect.any(String),
      });
      await post(secretary, `/${lead.id}/interactions`, { type: 'NOTE', body: 'Agora' }).expect(201);
      const page = await get(clinic.admin, `/${lead.id}/interactions`, { limit: 1 }).expect(200);
      expect(page.body).toMatchObject({ total: 2, pages: 2, items: [{ type: 'NOTE', body: 'Agora' }] });
      expect((await detail(clinic.admin, lead.id).expect(200)).body.interactions.map((entry: { type: string }) => entry.type)).toEqual(['NOTE', 'CALL']);
    });

    it.each([
      ['a SYSTEM type', { type: 'SYSTEM', body: 'x' }, 'type'],
      ['an empty body', { type: 'NOTE', body: '   ' }, 'body'],
      ['a missing body', { type: 'EMAIL' }, 'body'],
      ['a future time', { type: 'CALL', body: 'x', occurred_at: '2099-01-01T00:00:00.000Z' }, 'occurred_at'],
      ['a malformed time', { type: 'CALL', body: 'x', occurred_at: 'ontem' }, 'occurred_at'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, body, field) => {
      const lead = await insertLead(team.clinic.organizationId);
      expectInvalidFields(await post(team.clinic.admin, `/${lead.id}/interactions`, body), [field]);
    });

    it('should answer 404 for another secretary’s or clinic’s lead and 403 to a viewer', async () => {
      const lead = await insertLead(team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
      const body = { type: 'NOTE', body: 'x' };
      expectError(await post(team.secretary, `/${lead.id}/interactions`, body), 404, 'LEAD_NOT_FOUND');
      expectError(await post(team.otherClinic.admin, `/${lead.id}/interactions`, body), 404, 'LEAD_NOT_FOUND');
      expectError(await post(team.viewer, `/${lead.id}/interactions`, body), 403, 'FORBIDDEN');
      expectError(await get(team.secretary, `/${lead.id}/interactions`), 404, 'LEAD_NOT_FOUND');
    });
  });

  describe('DELETE /leads/:id and POST /leads/:id/restore', () => {
    it('should hide a deleted lead everywhere until an admin restores it', async () => {
      const { organizationId, admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      const lead = await insertLead(organizationId, { score: 50 });
      expectError(await remove(secretary, lead.id), 403, 'FORBIDDEN');
      await remove(admin, lead.id).expect(204);

      expectError(await detail(admin, lead.id), 404, 'LEAD_NOT_FOUND');
      expectError(await get(admin, `/${lead.id}/journey`), 404, 'LEAD_NOT_FOUND');
      expect((await get(admin, '').expect(200)).body.total).toBe(0);
      expectError(await remove(admin, lead.id), 404, 'LEAD_NOT_FOUND');
      expect(await service.openLoadByAssignee(organizationId, [secretary.userId])).toEqual(new Map([[secretary.userId, 0]]));

      expectError(await post(secretary, `/${lead.id}/restore`), 403, 'FORBIDDEN');
      const restored = await post(admin, `/${lead.id}/restore`).expect(200);
      expect(restored.body).toMatchObject({ id: lead.id, score: 50 });
      expect((await get(admin, '').expect(200)).body.total).toBe(1);
      expectError(await post(admin, `/${lead.id}/restore`), 409, 'LEAD_NOT_DELETED');
      const history = (await get(admin, `/${lead.id}/history`).expect(200)).body.items.map((item: { field: string; new_value: unknown }) => [item.field, item.new_value]);
      expect(history).toEqual([
        ['deleted', false],
        ['deleted', true],
      ]);
    });

    it('should answer 404 for another clinic’s lead and a missing one', async () => {
      const lead = await insertLead(team.clinic.organizationId);
      expectError(await remove(team.otherClinic.admin, lead.id), 404, 'LEAD_NOT_FOUND');
      expectError(await post(team.otherClinic.admin, `/${lead.id}/restore`), 404, 'LEAD_NOT_FOUND');
      expectError(await post(team.clinic.admin, `/${randomUUID()}/restore`), 404, 'LEAD_NOT_FOUND');
      expectInvalidFields(await remove(team.clinic.admin, 'lead-1'), ['id']);
    });
  });

  describe('GET /leads/duplicates and POST /leads/merge', () => {
    it('should group open leads of the same patient, scoped like the list', async () => {
      const { organizationId, admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      const colleague = await createMember(app, admin, 'secretary');
      const first = await insertLead(organizationId);
      const second = await insertLead(organizationId, { contactId: first.contactId });
      const colleagues = await insertLead(organizationId, { contactId: first.contactId, assignedToId: colleague.userId });
      await insertLead(organizationId, { contactId: first.contactId, status: LeadStatus.Lost });
      await insertLead(organizationId);

      const response = await get(admin, '/duplicates').expect(200);
      expect(response.body).toMatchObject({ total: 1, page: 1, pages: 1 });
      expect(response.body.items).toEqual([{ phone: first.conversation.contact.phone?.slice(1), leads: expect.any(Array) }]);
      expect(response.body.items[0].leads.map((lead: { id: string }) => lead.id)).toEqual([first.id, second.id, colleagues.id]);
      const mine = await get(secretary, '/duplicates').expect(200);
      expect(mine.body.items[0].leads.map((lead: { id: string }) => lead.id)).toEqual([first.id, second.id]);
      expect((await get(colleague, '/duplicates').expect(200)).body.items[0].leads).toHaveLength(3);
      expectInvalidFields(await get(admin, '/duplicates', { limit: 0 }), ['limit']);
    });

    it('should move every interaction, history entry, score and conversation to the target and delete the source', async () => {
      const { organizationId, admin } = team.clinic;
      const target = await insertLead(organizationId, { score: 30 });
      const source = await insertLead(organizationId, { contactId: target.contactId, score: 70, assignedToId: team.secretary.userId });
      await post(admin, `/${source.id}/interactions`, { type: 'CALL', body: 'Ligação na origem' }).expect(201);
      await patch(admin, source.id, { status: 'ENGAGED', notes: 'Nota da origem' }).expect(200);
      await patch(admin, target.id, { notes: 'Nota do destino' }).expect(200);

      const merged = await post(team.secretary, '/merge', { source_id: source.id, target_id: target.id }).expect(200);
      expect(merged.body).toMatchObject({
        id: target.id,
        conversation_id: target.conversation.id,
        merged_conversation_ids: [source.conversation.id],
        assigned_to_id: team.secretary.userId,
        notes: 'Nota do destino\n\nNota da origem',
      });
      expectError(await detail(admin, source.id), 404, 'LEAD_NOT_FOUND');
      const interactions = (await get(admin, `/${target.id}/interactions`, { limit: 100 }).expect(200)).body.items.map((item: { body: string }) => item.body);
      expect(interactions).toEqual(expect.arrayContaining(['Ligação na origem', 'Status changed from NEW to ENGAGED', `Lead ${source.id} merged into this one`]));
      const fields = (await get(admin, `/${target.id}/history`, { limit: 100 }).expect(200)).body.items.map((item: { field: string }) => item.field);
      expect(fields).toEqual(expect.arrayContaining(['status', 'notes', 'merged_from', 'assigned_to_id']));
      expect((await get(admin, `/${target.id}/score-history`).expect(200)).body.total).toBe(2);
      // The patient writing again in the source's conversation reaches the surviving lead.
      const ensured = await service.ensureForConversation({ organizationId, conversationId: source.conversation.id, contactId: source.contactId, source: LeadSource.Whatsapp });
      expect(ensured).toMatchObject({ created: false, lead: { id: target.id } });
      expectError(await post(admin, `/${source.id}/restore`), 409, 'LEAD_MERGED');
      const stored = await dataSourceOf(app).getRepository(LeadEntity).findOne({ where: { id: source.id }, withDeleted: true });
      expect(stored).toMatchObject({ mergedIntoId: target.id, deletedAt: expect.any(Date) });
    });

    it('should answer 404 unless both leads are visible, and 400 for the same lead or bad ids', async () => {
      const { organizationId, admin } = team.clinic;
      const mine = await insertLead(organizationId);
      const others = await insertLead(organizationId, { assignedToId: team.otherSecretary.userId });
      const theirs = await insertLead(team.otherClinic.organizationId);
      expectError(await post(team.secretary, '/merge', { source_id: others.id, target_id: mine.id }), 404, 'LEAD_NOT_FOUND');
      expectError(await post(team.secretary, '/merge', { source_id: mine.id, target_id: others.id }), 404, 'LEAD_NOT_FOUND');
      expectError(await post(admin, '/merge', { source_id: theirs.id, target_id: mine.id }), 404, 'LEAD_NOT_FOUND');
      expectInvalidFields(await post(admin, '/merge', { source_id: mine.id, target_id: mine.id }), ['target_id']);
      expectInvalidFields(await post(admin, '/merge', { source_id: 'x', target_id: mine.id }), ['source_id']);
      expectInvalidFields(await post(admin, '/merge', { source_id: mine.id }), ['target_id']);
      expectError(await post(team.viewer, '/merge', { source_id: others.id, target_id: mine.id }), 403, 'FORBIDDEN');
      await detail(admin, mine.id).expect(200);
      await detail(admin, others.id).expect(200);
    });
  });

  describe('GET /leads/:id/journey', () => {
    it('should list the first message, creation, status changes, assignments, interactions and appointment in order', async () => {
      const { organizationId, admin } = team.clinic;
      const lead = await insertLead(organizationId);
      const messages = dataSourceOf(app).getRepository(MessageEntity);
      const firstAt = new Date(lead.createdAt.getTime() - 60_000);
      await messages.insert({
        organizationId,
        conversationId: lead.conversation.id,
        sessionId: lead.conversation.sessionId,
        direction: MessageDirection.Inbound,
        sender: MessageSender.Patient,
        type: MessageType.Text,
        status: MessageStatus.Received,
        body: 'Oi, quero agendar',
        occurredAt: firstAt,
        wahaMessageId: `false_${randomUUID()}`,
      });
      // Separate requests: edits of one request share its instant, and their order among themselves is not defined.
      await patch(admin, lead.id, { status: 'READY' }).expect(200);
      await patch(admin, lead.id, { assigned_to_id: team.secretary.userId }).expect(200);
      await post(admin, `/${lead.id}/interactions`, { type: 'CALL', body: 'Confirmou' }).expect(201);
      await patch(admin, lead.id, { appointment_at: '2099-01-01T12:00:00.000Z' }).expect(200);

      const journey = await get(team.secretary, `/${lead.id}/journey`).expect(200);
      const steps = journey.body.steps as { type: string; at: string; since_previous_ms: number | null }[];
      expect(steps.map((step) => step.type)).toEqual(['first_message', 'lead_created', 'status_changed', 'assigned', 'interaction', 'appointment']);
      expect(steps[0]).toMatchObject({ at: firstAt.toISOString(), since_previous_ms: null, conversation_id: lead.conversation.id });
      expect(steps[1].since_previous_ms).toBe(60_000);
      for (let index = 1; index < steps.length; index += 1) {
        expect(steps[index].since_previous_ms).toBe(Date.parse(steps[index].at) - Date.parse(steps[index - 1].at));
      }
      expect(journey.body.total_ms).toBe(Date.parse('2099-01-01T12:00:00.000Z') - firstAt.getTime());
      expectError(await get(team.otherSecretary, `/${lead.id}/journey`), 404, 'LEAD_NOT_FOUND');
      expectError(await get(team.otherClinic.admin, `/${lead.id}/journey`), 404, 'LEAD_NOT_FOUND');
    });
  });

  describe('lead assignment contract (LeadsService)', () => {
    it('should give an unassigned lead to exactly one of several racing assigners', async () => {
      const { organizationId, admin } = await createClinic(app);
      const secretaries = await Promise.all([1, 2, 3, 4].map(() => createMember(app, admin, 'secretary')));
      const lead = await insertLead(organizationId);
      const events = captureEvents(DomainEvent.LeadAssigned);
      try {
        const results = await Promise.all(
          secretaries.map((secretary) =>
            service.assign({ organizationId, leadId: lead.id, assigneeId: secretary.userId, actorUserId: null, reason: 'round robin', onlyIfUnassigned: true }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = secretaries[results.indexOf(true)];
        expect((await detail(admin, lead.id).expect(200)).body.assigned_to_id).toBe(winner.userId);
        expect(events.seen).toEqual([[DomainEvent.LeadAssigned, { organizationId, leadId: lead.id, assignedToId: winner.userId, previousAssigneeId: null, actorUserId: null }]]);
        const history = (await get(admin, `/${lead.id}/history`).expect(200)).body.items;
        expect(history).toEqual([expect.objectContaining({ field: 'assigned_to_id', new_value: winner.userId, actor_user_id: null, reason: 'round robin' })]);
      } finally {
        events.stop();
      }
      expect(await service.assign({ organizationId: team.otherClinic.organizationId, leadId: lead.id, assigneeId: null, actorUserId: null, reason: 'x' })).toBe(false);
    });

    it('should count open load, return a user’s open leads to the queue and list the waiting ones oldest first', async () => {
      const { organizationId, admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      const idle = await createMember(app, admin, 'secretary');
      const open = await insertLead(organizationId, { assignedToId: secretary.userId, createdAt: new Date('2026-11-01T10:00:00Z') });
      await insertLead(organizationId, { assignedToId: secretary.userId, status: LeadStatus.Converted });
      const deleted = await insertLead(organizationId, { assignedToId: secretary.userId });
      await remove(admin, deleted.id).expect(204);
      const waiting = await insertLead(organizationId, { createdAt: new Date('2026-11-02T10:00:00Z') });

      expect(await service.openLoadByAssignee(organizationId, [secretary.userId, idle.userId])).toEqual(new Map([[secretary.userId, 1], [idle.userId, 0]]));
      expect(await service.waitingUnassigned(organizationId, 10)).toEqual([{ id: waiting.id, procedure: null, conversationId: waiting.conversation.id, waitingSince: expect.any(Date) }]);

      expect(await service.unassignAllOf(organizationId, secretary.userId, admin.userId)).toEqual([open.id]);
      expect((await service.waitingUnassigned(organizationId, 10)).map((lead) => lead.id)).toEqual([open.id, waiting.id]);
      expect((await service.waitingUnassigned(organizationId, 1)).map((lead) => lead.id)).toEqual([open.id]);
      expect(await service.openLoadByAssignee(organizationId, [secretary.userId])).toEqual(new Map([[secretary.userId, 0]]));
      expect(await service.unassignAllOf(team.otherClinic.organizationId, idle.userId, null)).toEqual([]);
    });
  });

  it('should answer 401 without a token and 403 to a role without the permission on every new lead route', async () => {
    const id = randomUUID();
    const superAdmin = await loginSuperAdmin(app);
    const routes: [string, string][] = [
      ['patch', `${LEADS}/${id}`],
      ['post', `${LEADS}/${id}/interactions`],
      ['get', `${LEADS}/${id}/interactions`],
      ['get', `${LEADS}/${id}/history`],
      ['get', `${LEADS}/${id}/journey`],
      ['delete', `${LEADS}/${id}`],
      ['post', `${LEADS}/${id}/restore`],
      ['get', `${LEADS}/duplicates`],
      ['post', `${LEADS}/merge`],
    ];
    for (const [method, path] of routes) {
      const request = (): Test => (http(app) as unknown as Record<string, (url: string) => Test>)[method](path);
      expectError(await request(), 401, 'UNAUTHENTICATED');
      expectError(await request().set(...bearer(superAdmin)), 403, 'FORBIDDEN');
    }
    expect(scoreOf(10).band).toBe('cold');
  });
});
