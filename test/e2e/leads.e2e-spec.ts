import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Response, Test } from 'supertest';
import { DomainEvent, LeadCreatedEvent, LeadScoredEvent } from 'src/common/events/domain-events';
import { ContactEntity } from 'src/modules/contacts/contact.entity';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { LeadEntity } from 'src/modules/leads/lead.entity';
import { LeadScoreInput, LeadSource, LeadStatus } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { bearer, http, loginSuperAdmin, PREFIX, Session } from '../support/api';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createClinic, createMember, createTeam, Team } from '../support/factories';
import { insertConversation as insertTestConversation, insertLead as insertTestLead, scoreOf, TestConversation, TestLeadOptions } from '../support/leads';
import { dataSourceOf } from '../support/whatsapp';

const LEADS = `${PREFIX}/leads`;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const T0 = Date.parse('2026-11-20T12:00:00.000Z');


function at(seconds: number): Date {
  return new Date(T0 + seconds * 1000);
}

function ids(response: Response): string[] {
  return (response.body.items as { id: string }[]).map((item) => item.id);
}

describe('Leads (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;
  let service: LeadsService;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
    service = app.get(LeadsService);
  });

  const insertConversation = (organizationId: string, contactFields: Partial<ContactEntity> = {}): Promise<TestConversation> =>
    insertTestConversation(app, organizationId, contactFields);
  const insertLead = (organizationId: string, options: TestLeadOptions = {}): ReturnType<typeof insertTestLead> => insertTestLead(app, organizationId, options);

  function list(actor: Session, query: Record<string, string | number | string[]> = {}): Test {
    return http(app).get(LEADS).query(query).set(...bearer(actor));
  }

  function detail(actor: Session, id: string): Test {
    return http(app).get(`${LEADS}/${id}`).set(...bearer(actor));
  }

  function history(actor: Session, id: string, query: Record<string, string | number> = {}): Test {
    return http(app).get(`${LEADS}/${id}/score-history`).query(query).set(...bearer(actor));
  }

  function captureEvents<E extends DomainEvent>(event: E): { payloads: unknown[]; stop: () => void } {
    const emitter = app.get(EventEmitter2);
    const payloads: unknown[] = [];
    const listener = (payload: unknown): void => void payloads.push(payload);
    emitter.on(event, listener);
    return { payloads, stop: () => emitter.off(event, listener) };
  }

  describe('GET /leads', () => {
    it('should list newest first by default and page without gaps or duplicates', async () => {
      const { organizationId, admin } = await createClinic(app);
      const created = [];
      for (let second = 1; second <= 5; second += 1) created.push(await insertLead(organizationId, { createdAt: at(second) }));
      const newestFirst = created.map((lead) => lead.id).reverse();

      const first = await list(admin, { limit: 2 }).expect(200);
      expect(first.body).toMatchObject({ total: 5, page: 1, limit: 2, pages: 3 });
      const second = await list(admin, { limit: 2, page: 2 }).expect(200);
      const third = await list(admin, { limit: 2, page: 3 }).expect(200);
      expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(newestFirst);
      expect(ids(await list(admin, { page: 4, limit: 2 }).expect(200))).toEqual([]);
      expect(ids(await list(admin, { sort: 'created_at', order: 'asc' }).expect(200))).toEqual([...newestFirst].reverse());
    });

    it('should sort by score either way, ties broken by id', async () => {
      const { organizationId, admin } = await createClinic(app);
      const low = await insertLead(organizationId, { score: 10 });
      const tiedA = await insertLead(organizationId, { score: 55 });
      const tiedB = await insertLead(organizationId, { score: 55 });
      const high = await insertLead(organizationId, { score: 90 });
      const tied = [tiedA.id, tiedB.id].sort();

      expect(ids(await list(admin, { sort: 'score', order: 'desc' }).expect(200))).toEqual([high.id, ...[...tied].reverse(), low.id]);
      expect(ids(await list(admin, { sort: 'score', order: 'asc' }).expect(200))).toEqual([low.id, ...tied, high.id]);
    });

    it('should answer each item with its score, facts, patient and conversation, without the score breakdown', async () => {
      const { organizationId, admin } = await createClinic(app);
      const lead = await insertLead(organizationId, { contact: { name: 'Joana Prado' } });
      await service.recordScore(organizationId, lead.id, scoreOf(64), { intent: 'booking', facts: { procedure: 'limpeza de pele' } });

      const response = await list(admin).expect(200);
      expect(response.body.items).toEqual([
        {
          id: lead.id,
          status: 'NEW',
          source: 'WHATSAPP',
          score: 64,
          score_band: 'warm',
          scored_at: expect.stringMatching(ISO_DATE),
          patient_name: null,
          procedure: 'limpeza de pele',
          preferred_time: null,
          intent: 'booking',
          assigned_to_id: null,
          conversation_id: lead.conversation.id,
          contact: { id: lead.contactId, name: 'Joana Prado', phone: lead.conversation.contact.phone },
          created_at: expect.stringMatching(ISO_DATE),
          updated_at: expect.stringMatching(ISO_DATE),
        },
      ]);
    });

    it('should keep listing a lead whose patient was deleted, with the patient’s name', async () => {
      const { organizationId, admin } = await createClinic(app);
      const lead = await insertLead(organizationId, { contact: { name: 'Ana Apagada' } });
      await dataSourceOf(app).getRepository(ContactEntity).softDelete({ id: lead.contactId });
      expect((await list(admin).expect(200)).body.items).toEqual([expect.objectContaining({ id: lead.id, contact: expect.objectContaining({ name: 'Ana Apagada' }) })]);
    });

    it('should filter by status, source, assignee, score range and creation range', async () => {
      const { organizationId, admin } = await createClinic(app);
      const secretary = await createMember(app, admin, 'secretary');
      const ready = await insertLead(organizationId, { status: LeadStatus.Ready, score: 80, createdAt: at(10) });
      const engaged = await insertLead(organizationId, { status: LeadStatus.Engaged, score: 40, createdAt: at(20), source: LeadSource.Referral });
      const assigned = await insertLead(organizationId, { assignedToId: secretary.userId, score: 20, createdAt: at(30) });
      const lost = await insertLead(organizationId, { status: LeadStatus.Lost, score: 0, createdAt: at(40), source: LeadSource.Instagram });
      const filtered = async (query: Record<string, string | number | string[]>): Promise<string[]> => ids(await list(admin, query).expect(200)).sort();

      expect(await filtered({ status: 'READY,ENGAGED' })).toEqual([ready.id, engaged.id].sort());
      expect(await filtered({ status: ['LOST', 'READY'] })).toEqual([ready.id, lost.id].sort());
      expect(await filtered({ source: 'REFERRAL,INSTAGRAM' })).toEqual([engaged.id, lost.id].sort());
      expect(await filtered({ assigned_to_id: secretary.userId })).toEqual([assigned.id]);
      expect(await filtered({ assigned_to_id: 'none' })).toEqual([ready.id, engaged.id, lost.id].sort());
      expect(await filtered({ min_score: 40 })).toEqual([ready.id, engaged.id].sort());
      expect(await filtered({ min_score: 20, max_score: 40 })).toEqual([engaged.id, assigned.id].sort());
      expect(await filtered({ max_score: 0 })).toEqual([lost.id]);
      expect(await filtered({ created_from: at(20).toISOString(), created_to: at(30).toISOString() })).toEqual([engaged.id, assigned.id].sort());
      expect(await filtered({ created_from: at(41).toISOString() })).toEqual([]);
    });

    it('should show a secretary her leads and the unassigned ones, and a viewer everything', async () => {
      const { clinic, secretary, otherSecretary, viewer } = team;
      const hers = await insertLead(clinic.organizationId, { assignedToId: secretary.userId, score: 93 });
      const unassigned = await insertLead(clinic.organizationId, { score: 92 });
      const others = await insertLead(clinic.organizationId, { assignedToId: otherSecretary.userId, score: 91 });
      const query = { sort: 'score', min_score: 91 };

      const mine = await list(secretary, query).expect(200);
      expect(ids(mine)).toEqual([hers.id, unassigned.id]);
      expect(mine.body.total).toBe(2);
      expect(ids(await list(secretary, { ...query, assigned_to_id: otherSecretary.userId }).expect(200))).toEqual([]);
      expect(ids(await list(viewer, query).expect(200))).toEqual([hers.id, unassigned.id, others.id]);
      expect(ids(await list(clinic.admin, query).expect(200))).toEqual([hers.id, unassigned.id, others.id]);
    });

    it('should never list another clinic’s leads', async () => {
      const { organizationId, admin } = await createClinic(app);
      await insertLead(team.otherClinic.organizationId);
      const own = await insertLead(organizationId);
      const response = await list(admin).expect(200);
      expect(ids(response)).toEqual([own.id]);
      expect(response.body.total).toBe(1);
    });

    it.each([
      ['an unknown status', { status: 'NEW,OPEN' }, 'status'],
      ['an unknown source', { source: 'TIKTOK' }, 'source'],
      ['a malformed assignee', { assigned_to_id: 'maria' }, 'assigned_to_id'],
      ['a score above 100', { min_score: 101 }, 'min_score'],
      ['a non-numeric score', { max_score: 'alto' }, 'max_score'],
      ['max_score below min_score', { min_score: 70, max_score: 30 }, 'max_score'],
      ['a malformed date', { created_from: 'ontem' }, 'created_from'],
      ['created_to before created_from', { created_from: at(10).toISOString(), created_to: at(0).toISOString() }, 'created_to'],
      ['an unknown sort field', { sort: 'patient_name' }, 'sort'],
      ['limit=101', { limit: 101 }, 'limit'],
      ['page=0', { page: 0 }, 'page'],
      ['an unknown parameter', { organization_id: randomUUID() }, 'organization_id'],
    ])('should answer 400 VALIDATION_FAILED for %s', async (_label, query, field) => {
      expectInvalidFields(await list(team.clinic.admin, query), [field]);
    });
  });

  describe('GET /leads/:id', () => {
    it('should answer the lead with its current score, reasons, facts, patient and conversation', async () => {
      const { clinic } = team;
      const lead = await insertLead(clinic.organizationId, { contact: { name: 'Carla Mendes' } });
      const reasons: LeadScoreInput['reasons'] = [
        { factor: 'intent', points: 40, detail: 'Pediu para agendar' },
        { factor: 'completeness', points: 25, detail: 'Informou nome, procedimento e horário' },
        { factor: 'engagement', points: 10, detail: 'Respondeu às perguntas' },
        { factor: 'objections', points: -5, detail: 'Achou o preço alto' },
      ];
      await service.recordScore(clinic.organizationId, lead.id, scoreOf(30), { intent: 'price_question', facts: { patientName: 'Carla' } });
      await service.recordScore(
        clinic.organizationId,
        lead.id,
        { score: 70, band: 'hot', reasons },
        { intent: 'booking', facts: { patientName: null, procedure: 'botox', preferredTime: 'sábado de manhã' } },
      );

      const response = await detail(team.secretary, lead.id).expect(200);
      expect(response.body).toEqual({
        id: lead.id,
        status: 'NEW',
        source: 'WHATSAPP',
        score: 70,
        score_band: 'hot',
        score_reasons: reasons,
        scored_at: expect.stringMatching(ISO_DATE),
        patient_name: 'Carla',
        procedure: 'botox',
        preferred_time: 'sábado de manhã',
        intent: 'booking',
        notes: null,
        converted_at: null,
        lost_reason: null,
        appointment_at: null,
        assigned_to_id: null,
        conversation_id: lead.conversation.id,
        conversation: { id: lead.conversation.id, status: 'ACTIVE', summary: null, context: {}, last_message_at: null },
        merged_conversation_ids: [],
        interactions: [],
        contact: { id: lead.contactId, name: 'Carla Mendes', phone: lead.conversation.contact.phone },
        created_at: expect.stringMatching(ISO_DATE),
        updated_at: expect.stringMatching(ISO_DATE),
      });
    });

    it('should answer an unscored lead with score 0, no band and no reasons', async () => {
      const lead = await insertLead(team.clinic.organizationId);
      expect((await detail(team.clinic.admin, lead.id).expect(200)).body).toMatchObject({ score: 0, score_band: null, score_reasons: [], scored_at: null });
    });

    it('should answer 404 LEAD_NOT_FOUND for another secretary’s, another clinic’s, a deleted or a missing lead', async () => {
      const others = await insertLead(team.clinic.organizationId, { assignedToId: team.otherSecretary.userId });
      expectError(await detail(team.secretary, others.id), 404, 'LEAD_NOT_FOUND');
      expectError(await detail(team.otherClinic.admin, others.id), 404, 'LEAD_NOT_FOUND');
      expectError(await detail(team.clinic.admin, randomUUID()), 404, 'LEAD_NOT_FOUND');
      await detail(team.otherSecretary, others.id).expect(200);
      await detail(team.viewer, others.id).expect(200);

      const deleted = await insertLead(team.clinic.organizationId);
      await dataSourceOf(app).getRepository(LeadEntity).softDelete({ id: deleted.id });
      expectError(await detail(team.clinic.admin, deleted.id), 404, 'LEAD_NOT_FOUND');
    });

    it('should answer 400 VALIDATION_FAILED for a malformed id', async () => {
      expectInvalidFields(await detail(team.clinic.admin, 'not-a-uuid'), ['id']);
    });
  });

  describe('GET /leads/:id/score-history', () => {
    it('should answer every score newest first, paginated', async () => {
      const { clinic } = team;
      const lead = await insertLead(clinic.organizationId);
      await service.recordScore(clinic.organizationId, lead.id, scoreOf(15), { intent: 'greeting_only' });
      await service.recordScore(clinic.organizationId, lead.id, scoreOf(45), { intent: 'price_question' });
      await service.recordScore(clinic.organizationId, lead.id, scoreOf(80), { intent: 'booking' });

      const first = await history(team.secretary, lead.id, { limit: 2 }).expect(200);
      expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2, pages: 2 });
      expect(first.body.items).toEqual([
        { id: expect.any(String), score: 80, band: 'hot', reasons: scoreOf(80).reasons, intent: 'booking', created_at: expect.stringMatching(ISO_DATE) },
        expect.objectContaining({ score: 45, band: 'warm', intent: 'price_question' }),
      ]);
      const second = await history(team.secretary, lead.id, { limit: 2, page: 2 }).expect(200);
      expect(second.body.items).toEqual([expect.objectContaining({ score: 15, band: 'cold', intent: 'greeting_only' })]);
      const times = [...first.body.items, ...second.body.items].map((item: { created_at: string }) => Date.parse(item.created_at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('should answer an empty page for a lead never scored', async () => {
      const lead = await insertLead(team.clinic.organizationId);
      expect((await history(team.viewer, lead.id).expect(200)).body).toEqual({ items: [], total: 0, page: 1, limit: 20, pages: 0 });
    });

    it('should answer 404 LEAD_NOT_FOUND for another secretary’s, another clinic’s or a missing lead', async () => {
      const others = await insertLead(team.clinic.organizationId, { assignedToId: team.otherSecretary.userId, score: 50 });
      expectError(await history(team.secretary, others.id), 404, 'LEAD_NOT_FOUND');
      expectError(await history(team.otherClinic.admin, others.id), 404, 'LEAD_NOT_FOUND');
      expectError(await history(team.clinic.admin, randomUUID()), 404, 'LEAD_NOT_FOUND');
      expect((await history(team.otherSecretary, others.id).expect(200)).body.total).toBe(1);
    });

    it('should answer 400 VALIDATION_FAILED for a malformed id or page', async () => {
      expectInvalidFields(await history(team.clinic.admin, 'lead-1'), ['id']);
      const lead = await insertLead(team.clinic.organizationId);
      expectInvalidFields(await history(team.clinic.admin, lead.id, { limit: 0 }), ['limit']);
      expectInvalidFields(await history(team.clinic.admin, lead.id, { sort: 'score' }), ['sort']);
    });
  });

  it('should answer 401 without a token and 403 to a role without leads:read on every lead route', async () => {
    const id = randomUUID();
    const superAdmin = await loginSuperAdmin(app);
    for (const path of [LEADS, `${LEADS}/${id}`, `${LEADS}/${id}/score-history`]) {
      expectError(await http(app).get(path), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get(path).set(...bearer(superAdmin)), 403, 'FORBIDDEN');
    }
  });

  describe('LeadsService (used by the AI pipeline)', () => {
    it('should create exactly one lead when five workers ensure it at once, and emit lead.created once', async () => {
      const { organizationId } = team.clinic;
      const conversation = await insertConversation(organizationId);
      const created = captureEvents(DomainEvent.LeadCreated);
      try {
        const results = await Promise.all(
          Array.from({ length: 5 }, () =>
            service.ensureForConversation({ organizationId, conversationId: conversation.id, contactId: conversation.contactId, source: LeadSource.Whatsapp }),
          ),
        );
        expect(new Set(results.map((result) => result.lead.id)).size).toBe(1);
        expect(results.filter((result) => result.created)).toHaveLength(1);
        expect(await dataSourceOf(app).getRepository(LeadEntity).countBy({ conversationId: conversation.id })).toBe(1);
        const expected: LeadCreatedEvent = { organizationId, leadId: results[0].lead.id, contactId: conversation.contactId, conversationId: conversation.id };
        expect(created.payloads).toEqual([expected]);
      } finally {
        created.stop();
      }
    });

    it('should take the conversation’s assignee and the first facts, and open a new lead once the last one is lost', async () => {
      const { organizationId } = team.clinic;
      const conversation = await insertConversation(organizationId);
      await dataSourceOf(app).getRepository(ConversationEntity).update({ id: conversation.id }, { assignedToId: team.secretary.userId });
      const params = { organizationId, conversationId: conversation.id, contactId: conversation.contactId, source: LeadSource.Whatsapp };

      const first = await service.ensureForConversation({ ...params, facts: { patientName: '  Bruna ', procedure: 'clareamento', intent: 'booking' } });
      expect(first).toMatchObject({ created: true, lead: { assignedToId: team.secretary.userId, patientName: 'Bruna', procedure: 'clareamento', intent: 'booking' } });
      expect(await service.ensureForConversation(params)).toMatchObject({ created: false, lead: { id: first.lead.id } });
      expect(await service.findOpenByConversation(organizationId, conversation.id)).toMatchObject({ id: first.lead.id });

      await dataSourceOf(app).getRepository(LeadEntity).update({ id: first.lead.id }, { status: LeadStatus.Lost });
      expect(await service.findOpenByConversation(organizationId, conversation.id)).toBeNull();
      const next = await service.ensureForConversation(params);
      expect(next.created).toBe(true);
      expect(next.lead.id).not.toBe(first.lead.id);
    });

    it('should emit lead.created only after the caller’s transaction commits, and never when it rolls back', async () => {
      const { organizationId } = team.clinic;
      const created = captureEvents(DomainEvent.LeadCreated);
      try {
        const rolledBack = await insertConversation(organizationId);
        await expect(
          dataSourceOf(app).transaction(async (manager) => {
            await service.ensureForConversation({ organizationId, conversationId: rolledBack.id, contactId: rolledBack.contactId, source: LeadSource.Whatsapp }, manager);
            throw new Error('the AI turn failed');
          }),
        ).rejects.toThrow('the AI turn failed');
        expect(await service.findOpenByConversation(organizationId, rolledBack.id)).toBeNull();
        expect(created.payloads).toEqual([]);

        const committed = await insertConversation(organizationId);
        let seenInsideTransaction: unknown[] = [];
        const { lead } = await dataSourceOf(app).transaction(async (manager) => {
          const result = await service.ensureForConversation(
            { organizationId, conversationId: committed.id, contactId: committed.contactId, source: LeadSource.Whatsapp },
            manager,
          );
          await service.recordScore(organizationId, result.lead.id, scoreOf(50), {}, manager);
          seenInsideTransaction = [...created.payloads];
          return result;
        });
        expect(seenInsideTransaction).toEqual([]);
        expect(created.payloads).toEqual([expect.objectContaining({ leadId: lead.id })]);
      } finally {
        created.stop();
      }
    });

    it('should record a score with its history row and emit lead.scored, and roll both back with the caller', async () => {
      const { organizationId } = team.clinic;
      const lead = await insertLead(organizationId);
      const scored = captureEvents(DomainEvent.LeadScored);
      try {
        const saved = await service.recordScore(organizationId, lead.id, scoreOf(66), { intent: 'booking' });
        expect(saved).toMatchObject({ score: 66, scoreBand: 'warm', intent: 'booking', scoredAt: expect.any(Date) });
        expect(scored.payloads).toEqual([{ organizationId, leadId: lead.id, scoreHistoryId: expect.any(String) } satisfies Record<keyof LeadScoredEvent, unknown>]);

        await expect(
          dataSourceOf(app).transaction(async (manager) => {
            await service.recordScore(organizationId, lead.id, scoreOf(99), {}, manager);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(scored.payloads).toHaveLength(1);
        expect((await detail(team.clinic.admin, lead.id).expect(200)).body).toMatchObject({ score: 66 });
        expect((await history(team.clinic.admin, lead.id).expect(200)).body.total).toBe(1);
      } finally {
        scored.stop();
      }
    });

    it('should refuse another clinic’s conversation or lead, and a malformed score', async () => {
      const theirs = await insertConversation(team.otherClinic.organizationId);
      const { organizationId } = team.clinic;
      await expect(
        service.ensureForConversation({ organizationId, conversationId: theirs.id, contactId: theirs.contactId, source: LeadSource.Whatsapp }),
      ).rejects.toMatchObject({ code: 'LEAD_CONVERSATION_NOT_FOUND' });
      const ours = await insertConversation(organizationId);
      await expect(
        service.ensureForConversation({ organizationId, conversationId: ours.id, contactId: theirs.contactId, source: LeadSource.Whatsapp }),
      ).rejects.toMatchObject({ code: 'LEAD_CONTACT_MISMATCH' });

      const theirLead = await insertLead(team.otherClinic.organizationId);
      await expect(service.recordScore(organizationId, theirLead.id, scoreOf(50))).rejects.toMatchObject({ code: 'LEAD_NOT_FOUND' });
      const ourLead = await insertLead(organizationId);
      await expect(service.recordScore(organizationId, ourLead.id, { score: 101, band: 'hot', reasons: [] })).rejects.toMatchObject({ code: 'LEAD_INVALID_SCORE' });
    });
  });
});
