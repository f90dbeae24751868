import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Test } from 'supertest';
import { DomainEvent } from 'src/common/events/domain-events';
import { ConversationAssignmentService } from 'src/modules/conversations/assignment/conversation-assignment.service';
import { ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { bearer, http, PREFIX, Session } from '../support/api';
import { insertConversationRow } from '../support/conversation-workflow-rows';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createMember, createTeam, Team } from '../support/factories';
import { dataSourceOf } from '../support/whatsapp';

const CONVERSATIONS = `${PREFIX}/conversations`;

describe('Conversation assignment (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  const conversation = (fields: Parameters<typeof insertConversationRow>[2] = {}) => insertConversationRow(app, team.clinic.organizationId, fields);

  function action(actor: Session, id: string, verb: 'assign' | 'claim' | 'unassign', body: object = {}): Test {
    return http(app).post(`${CONVERSATIONS}/${id}/${verb}`).set(...bearer(actor)).send(body);
  }

  async function assigneeHistory(id: string): Promise<{ old_value: unknown; new_value: unknown; reason: string | null; actor_user_id: string | null }[]> {
    const page = await http(app).get(`${CONVERSATIONS}/${id}/history`).set(...bearer(team.clinic.admin)).expect(200);
    return (page.body.items as { field: string; old_value: unknown; new_value: unknown; reason: string | null; actor_user_id: string | null }[])
      .filter((item) => item.field === 'assigned_to_id')
      .map(({ old_value, new_value, reason, actor_user_id }) => ({ old_value, new_value, reason, actor_user_id }));
  }

  describe('POST /conversations/:id/assign', () => {
    it('should let an admin assign a secretary, record it and emit the assignment after commit', async () => {
      const { id } = await conversation();
      const seen: unknown[] = [];
      const listener = (payload: unknown) => seen.push(payload);
      app.get(EventEmitter2).on(DomainEvent.ConversationAssigned, listener);
      try {
        const response = await action(team.clinic.admin, id, 'assign', { user_id: team.secretary.userId, reason: 'Especialista' }).expect(200);
        expect(response.body).toMatchObject({ id, assigned_to_id: team.secretary.userId, changed: true });
      } finally {
        app.get(EventEmitter2).off(DomainEvent.ConversationAssigned, listener);
      }
      expect(seen).toContainEqual({
        organizationId: team.clinic.organizationId,
        conversationId: id,
        assignedToId: team.secretary.userId,
        previousAssigneeId: null,
        actorUserId: team.clinic.admin.userId,
      });
      expect(await assigneeHistory(id)).toEqual([{ old_value: null, new_value: team.secretary.userId, reason: 'Especialista', actor_user_id: team.clinic.admin.userId }]);
      await http(app).get(`${CONVERSATIONS}/${id}`).set(...bearer(team.secretary)).expect(200);
      expectError(await http(app).get(`${CONVERSATIONS}/${id}`).set(...bearer(team.otherSecretary)), 404, 'CONVERSATION_NOT_FOUND');

      const again = await action(team.clinic.admin, id, 'assign', { user_id: team.secretary.userId }).expect(200);
      expect(again.body.changed).toBe(false);
      expect(await assigneeHistory(id)).toHaveLength(1);
    });

    it('should refuse secretaries and viewers (403)', async () => {
      const { id } = await conversation();
      expectError(await action(team.secretary, id, 'assign', { user_id: team.secretary.userId }), 403, 'FORBIDDEN');
      expectError(await action(team.viewer, id, 'assign', { user_id: team.secretary.userId }), 403, 'FORBIDDEN');
      expectError(await http(app).post(`${CONVERSATIONS}/${id}/assign`).send({ user_id: team.secretary.userId }), 401, 'UNAUTHENTICATED');
    });

    it('should refuse a viewer or a deactivated secretary (422) and another clinic’s user (404)', async () => {
      const { id } = await conversation();
      expectError(await action(team.clinic.admin, id, 'assign', { user_id: team.viewer.userId }), 422, 'CONVERSATION_INVALID_ASSIGNEE');
      const leaving = await createMember(app, team.clinic.admin, 'secretary');
      await http(app).patch(`${PREFIX}/users/${leaving.userId}`).set(...bearer(team.clinic.admin)).send({ is_active: false }).expect(200);
      expectError(await action(team.clinic.admin, id, 'assign', { user_id: leaving.userId }), 422, 'CONVERSATION_INVALID_ASSIGNEE');
      expectError(await action(team.clinic.admin, id, 'assign', { user_id: team.otherClinic.admin.userId }), 404, 'USER_NOT_FOUND');
      expect(await assigneeHistory(id)).toEqual([]);
    });

    it('should answer 409 for a closed conversation, 404 for another clinic’s and 400 for a bad body', async () => {
      const closed = await conversation({ status: ConversationStatus.Closed });
      expectError(await action(team.clinic.admin, closed.id, 'assign', { user_id: team.secretary.userId }), 409, 'CONVERSATION_CLOSED');
      const foreign = await insertConversationRow(app, team.otherClinic.organizationId);
      expectError(await action(team.clinic.admin, foreign.id, 'assign', { user_id: team.secretary.userId }), 404, 'CONVERSATION_NOT_FOUND');
      expectInvalidFields(await action(team.clinic.admin, closed.id, 'assign', { user_id: 'x' }), ['user_id']);
      expectInvalidFields(await action(team.clinic.admin, closed.id, 'assign', {}), ['user_id']);
      expectInvalidFields(await action(team.clinic.admin, 'nope', 'assign', { user_id: team.secretary.userId }), ['id']);
    });
  });

  describe('POST /conversations/:id/claim', () => {
    it('should give an unassigned conversation to the secretary who claims it, idempotently', async () => {
      const { id } = await conversation({ status: ConversationStatus.WaitingSecretary });
      const claimed = await action(team.secretary, id, 'claim').expect(200);
      expect(claimed.body).toMatchObject({ assigned_to_id: team.secretary.userId, status: 'WAITING_SECRETARY', changed: true });
      expect((await action(team.secretary, id, 'claim').expect(200)).body.changed).toBe(false);
      // Another secretary can no longer see it; an admin sees it is taken.
      expectError(await action(team.otherSecretary, id, 'claim'), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await action(team.clinic.admin, id, 'claim'), 409, 'CONVERSATION_ALREADY_ASSIGNED');
      expect(await assigneeHistory(id)).toEqual([{ old_value: null, new_value: team.secretary.userId, reason: 'claimed', actor_user_id: team.secretary.userId }]);
    });

    it('should never give one conversation to two secretaries claiming at once', async () => {
      const conversations = await Promise.all(Array.from({ length: 6 }, () => conversation({ status: ConversationStatus.WaitingSecretary })));
      for (const { id } of conversations) {
        const answers = await Promise.all([action(team.secretary, id, 'claim'), action(team.otherSecretary, id, 'claim')]);
        const winners = answers.filter((answer) => answer.status === 200);
        expect(winners).toHaveLength(1);
        const loser = answers.find((answer) => answer.status !== 200);
        // The loser either lost the row lock (409) or looked after the winner committed (now invisible: 404).
        expect([404, 409]).toContain(loser?.status);
        const rows: { assigned_to_id: string }[] = await dataSourceOf(app).query('SELECT assigned_to_id FROM conversations WHERE id = $1', [id]);
        expect(rows[0].assigned_to_id).toBe(winners[0].body.assigned_to_id);
        expect(await assigneeHistory(id)).toHaveLength(1);
      }
    });

    it('should refuse viewers (403) and another clinic’s conversation (404)', async () => {
      const { id } = await conversation();
      expectError(await action(team.viewer, id, 'claim'), 403, 'FORBIDDEN');
      const foreign = await insertConversationRow(app, team.otherClinic.organizationId);
      expectError(await action(team.secretary, foreign.id, 'claim'), 404, 'CONVERSATION_NOT_FOUND');
    });
  });

  describe('POST /conversations/:id/unassign', () => {
    it('should let a secretary give up her own conversation and an admin anyone’s', async () => {
      const mine = await conversation({ assignedToId: team.secretary.userId });
      expect((await action(team.secretary, mine.id, 'unassign').expect(200)).body).toMatchObject({ assigned_to_id: null, changed: true });
      const theirs = await conversation({ assignedToId: team.otherSecretary.userId });
      expectError(await action(team.secretary, theirs.id, 'unassign'), 404, 'CONVERSATION_NOT_FOUND');
      expect((await action(team.clinic.admin, theirs.id, 'unassign').expect(200)).body).toMatchObject({ assigned_to_id: null, changed: true });
      expect((await action(team.clinic.admin, theirs.id, 'unassign').expect(200)).body.changed).toBe(false);
      expectError(await action(team.viewer, theirs.id, 'unassign'), 403, 'FORBIDDEN');
    });
  });

  describe(ConversationAssignmentService.name, () => {
    it('should count open load, drain the waiting queue urgent-first and put a leaving secretary’s work back', async () => {
      const { clinic, secretary, otherSecretary } = await createTeam(app);
      const organizationId = clinic.organizationId;
      const service = app.get(ConversationAssignmentService);
      const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 12, minutes));
      const old = await insertConversationRow(app, organizationId, { status: ConversationStatus.WaitingSecretary, lastInboundAt: at(0), context: { procedure: 'limpeza' } });
      const urgent = await insertConversationRow(app, organizationId, { status: ConversationStatus.WaitingSecretary, lastInboundAt: at(30), urgent: true });
      const nobody = await insertConversationRow(app, organizationId, { ownerType: ConversationOwner.Nobody, lastInboundAt: at(10) });
      await insertConversationRow(app, organizationId, { lastInboundAt: at(5) }); // the bot has it: not waiting
      await insertConversationRow(app, organizationId, { status: ConversationStatus.Closed, lastInboundAt: at(1) });
      await insertConversationRow(app, organizationId, { status: ConversationStatus.WaitingSecretary, assignedToId: secretary.userId });
      await insertConversationRow(app, organizationId, { status: ConversationStatus.Closed, assignedToId: secretary.userId });

      const queue = await service.waitingUnassigned(organizationId, 10);
      expect(queue.map((item) => item.id)).toEqual([urgent.id, old.id, nobody.id]);
      expect(queue[1]).toEqual({ id: old.id, procedure: 'limpeza', urgent: false, waitingSince: at(0) });
      expect(await service.waitingUnassigned(organizationId, 1)).toHaveLength(1);

      expect(await service.openLoadByAssignee(organizationId, [secretary.userId, otherSecretary.userId])).toEqual(
        new Map([[secretary.userId, 1], [otherSecretary.userId, 0]]),
      );
      expect(await service.assign({ organizationId, conversationId: old.id, assigneeId: otherSecretary.userId, actorUserId: null, reason: 'round_robin', onlyIfUnassigned: true })).toBe(true);
      expect(await service.assign({ organizationId, conversationId: old.id, assigneeId: secretary.userId, actorUserId: null, reason: 'round_robin', onlyIfUnassigned: true })).toBe(false);
      // Another clinic's organization id never reaches this conversation.
      expect(await service.assign({ organizationId: team.clinic.organizationId, conversationId: urgent.id, assigneeId: null, actorUserId: null, reason: 'x' })).toBe(false);

      const returned = await service.unassignAllOf(organizationId, secretary.userId, null);
      expect(returned).toHaveLength(1);
      expect(await service.openLoadByAssignee(organizationId, [secretary.userId])).toEqual(new Map([[secretary.userId, 0]]));
      expect((await service.waitingUnassigned(organizationId, 10)).map((item) => item.id)).toContain(returned[0]);
      expect(await service.unassignAllOf(organizationId, randomUUID(), null)).toEqual([]);
    });
  });
});
