import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from 'supertest';
import { ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { bearer, http, PREFIX, Session } from '../support/api';
import { insertConversationRow } from '../support/conversation-workflow-rows';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createTeam, Team } from '../support/factories';
import { dataSourceOf } from '../support/whatsapp';

const CONVERSATIONS = `${PREFIX}/conversations`;

interface HistoryItem {
  kind: string;
  field: string;
  old_value: unknown;
  new_value: unknown;
  reason: string | null;
  actor_user_id: string | null;
  created_at: string;
}

describe('Conversation workflow (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
  });

  const conversation = (fields: Parameters<typeof insertConversationRow>[2] = {}) => insertConversationRow(app, team.clinic.organizationId, fields);

  function patchStatus(actor: Session, id: string, body: object): Test {
    return http(app).patch(`${CONVERSATIONS}/${id}/status`).set(...bearer(actor)).send(body);
  }

  function transfer(actor: Session, id: string, body: object): Test {
    return http(app).post(`${CONVERSATIONS}/${id}/transfer`).set(...bearer(actor)).send(body);
  }

  function history(actor: Session, id: string, query: Record<string, number> = {}): Test {
    return http(app).get(`${CONVERSATIONS}/${id}/history`).query(query).set(...bearer(actor));
  }

  describe('PATCH /conversations/:id/status', () => {
    it('should move an unassigned conversation and keep the change, who made it and why, in the history', async () => {
      const { id } = await conversation();
      const response = await patchStatus(team.secretary, id, { status: 'WAITING_SECRETARY', reason: 'Quer falar com alguém' }).expect(200);
      expect(response.body).toMatchObject({ id, status: 'WAITING_SECRETARY', changed: true, closed_at: null });

      const page = await history(team.secretary, id).expect(200);
      expect(page.body).toMatchObject({ total: 1, page: 1 });
      expect(page.body.items[0]).toMatchObject({
        kind: 'status',
        field: 'status',
        old_value: 'ACTIVE',
        new_value: 'WAITING_SECRETARY',
        reason: 'Quer falar com alguém',
        actor_user_id: team.secretary.userId,
      });
    });

    it('should close with a reason, stamp closed_at, give the conversation back to the bot, and then refuse every transition', async () => {
      const { id } = await conversation({ ownerType: ConversationOwner.Human, ownerUserId: team.clinic.admin.userId });
      const closed = await patchStatus(team.clinic.admin, id, { status: 'CLOSED', reason: 'Consulta agendada' }).expect(200);
      expect(closed.body).toMatchObject({ status: 'CLOSED', owner_type: 'bot', owner_user_id: null, closed_at: expect.any(String) });

      const reopen = await patchStatus(team.clinic.admin, id, { status: 'ACTIVE' });
      expectError(reopen, 409, 'INVALID_TRANSITION');
      expect(reopen.body.details).toEqual({ from: 'CLOSED', to: 'ACTIVE', allowed: [] });
      const ownership = await http(app).get(`${CONVERSATIONS}/${id}/ownership-history`).set(...bearer(team.clinic.admin)).expect(200);
      expect(ownership.body.items).toEqual([expect.objectContaining({ from_owner_type: 'human', to_owner_type: 'bot', reason: 'closed' })]);
    });

    it('should answer INVALID_TRANSITION with the allowed statuses for a move the table does not have', async () => {
      const { id } = await conversation({ status: ConversationStatus.AwaitingResponse });
      const response = await patchStatus(team.clinic.admin, id, { status: 'AWAITING_RESPONSE' });
      expectError(response, 409, 'INVALID_TRANSITION');
      expect(response.body.details).toEqual({
        from: 'AWAITING_RESPONSE',
        to: 'AWAITING_RESPONSE',
        allowed: ['ACTIVE', 'WAITING_SECRETARY', 'TRANSFERRED', 'CLOSED'],
      });
      await history(team.clinic.admin, id).expect(200).expect((res) => expect(res.body.total).toBe(0));
    });

    it.each([
      ['closing without a reason', { status: 'CLOSED' }, ['reason']],
      ['closing with a blank reason', { status: 'CLOSED', reason: '   ' }, ['reason']],
      ['transferring without reason nor target', { status: 'TRANSFERRED' }, ['reason', 'to_user_id']],
      ['an unknown status', { status: 'OPEN' }, ['status']],
      ['a malformed target', { status: 'TRANSFERRED', reason: 'x', to_user_id: '42' }, ['to_user_id']],
      ['an unknown field', { status: 'ACTIVE', organization_id: randomUUID() }, ['organization_id']],
      ['a reason over 500 characters', { status: 'CLOSED', reason: 'a'.repeat(501) }, ['reason']],
    ])('should answer 400 for %s', async (_label, body, fields) => {
      const { id } = await conversation();
      expectInvalidFields(await patchStatus(team.clinic.admin, id, body), fields);
    });

    it('should answer 400 for a malformed id, 401 without a token and 403 for a viewer', async () => {
      const { id } = await conversation();
      expectInvalidFields(await patchStatus(team.clinic.admin, 'not-a-uuid', { status: 'CLOSED', reason: 'x' }), ['id']);
      expectError(await http(app).patch(`${CONVERSATIONS}/${id}/status`).send({ status: 'CLOSED', reason: 'x' }), 401, 'UNAUTHENTICATED');
      expectError(await patchStatus(team.viewer, id, { status: 'CLOSED', reason: 'x' }), 403, 'FORBIDDEN');
    });

    it('should answer 404 for another clinic’s or another secretary’s conversation, and leave it untouched', async () => {
      const foreign = await insertConversationRow(app, team.otherClinic.organizationId);
      const others = await conversation({ assignedToId: team.otherSecretary.userId });
      expectError(await patchStatus(team.clinic.admin, foreign.id, { status: 'CLOSED', reason: 'x' }), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await patchStatus(team.secretary, others.id, { status: 'CLOSED', reason: 'x' }), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await history(team.secretary, others.id), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await history(team.clinic.admin, foreign.id), 404, 'CONVERSATION_NOT_FOUND');
      const rows: { status: string }[] = await dataSourceOf(app).query('SELECT status FROM conversations WHERE id = ANY($1)', [[foreign.id, others.id]]);
      expect(rows.map((row) => row.status)).toEqual(['ACTIVE', 'ACTIVE']);
    });
  });

  describe('transfer', () => {
    it('should let a secretary hand her conversation to another, recording status and assignee in order with the reason', async () => {
      const { id } = await conversation({ assignedToId: team.secretary.userId, status: ConversationStatus.WaitingSecretary });
      const response = await transfer(team.secretary, id, { user_id: team.otherSecretary.userId, reason: 'Especialista em implantes' }).expect(200);
      expect(response.body).toMatchObject({ status: 'TRANSFERRED', assigned_to_id: team.otherSecretary.userId });

      const items = (await history(team.otherSecretary, id).expect(200)).body.items as HistoryItem[];
      expect(items.map(({ field, old_value, new_value, reason }) => ({ field, old_value, new_value, reason }))).toEqual([
        { field: 'status', old_value: 'WAITING_SECRETARY', new_value: 'TRANSFERRED', reason: 'Especialista em implantes' },
        { field: 'assigned_to_id', old_value: team.secretary.userId, new_value: team.otherSecretary.userId, reason: 'Especialista em implantes' },
      ]);
      // Now someone else's: the first secretary no longer sees it.
      expectError(await history(team.secretary, id), 404, 'CONVERSATION_NOT_FOUND');
    });

    it('should accept the same transfer through PATCH status and allow a re-transfer', async () => {
      const { id } = await conversation();
      await patchStatus(team.clinic.admin, id, { status: 'TRANSFERRED', reason: 'Plantão', to_user_id: team.secretary.userId }).expect(200);
      const again = await transfer(team.clinic.admin, id, { user_id: team.otherSecretary.userId, reason: 'Troca de turno' }).expect(200);
      expect(again.body).toMatchObject({ status: 'TRANSFERRED', assigned_to_id: team.otherSecretary.userId });
    });

    it('should refuse a secretary transferring a conversation that is not hers (403) and a target who already has it (422)', async () => {
      const unassigned = await conversation();
      expectError(await transfer(team.secretary, unassigned.id, { user_id: team.otherSecretary.userId, reason: 'x' }), 403, 'CONVERSATION_NOT_ASSIGNED_TO_YOU');
      const mine = await conversation({ assignedToId: team.secretary.userId });
      expectError(await transfer(team.secretary, mine.id, { user_id: team.secretary.userId, reason: 'x' }), 422, 'CONVERSATION_INVALID_ASSIGNEE');
    });

    it('should refuse a viewer as target (422), another clinic’s user or a made-up id (404), and a closed conversation (409)', async () => {
      const { id } = await conversation();
      expectError(await transfer(team.clinic.admin, id, { user_id: team.viewer.userId, reason: 'x' }), 422, 'CONVERSATION_INVALID_ASSIGNEE');
      expectError(await transfer(team.clinic.admin, id, { user_id: team.otherClinic.admin.userId, reason: 'x' }), 404, 'USER_NOT_FOUND');
      expectError(await transfer(team.clinic.admin, id, { user_id: randomUUID(), reason: 'x' }), 404, 'USER_NOT_FOUND');
      const closed = await conversation({ status: ConversationStatus.Closed });
      expectError(await transfer(team.clinic.admin, closed.id, { user_id: team.secretary.userId, reason: 'x' }), 409, 'INVALID_TRANSITION');
    });

    it('should validate the body and deny viewers', async () => {
      const { id } = await conversation();
      expectInvalidFields(await transfer(team.clinic.admin, id, {}), ['user_id', 'reason']);
      expectError(await transfer(team.viewer, id, { user_id: team.secretary.userId, reason: 'x' }), 403, 'FORBIDDEN');
    });
  });

  describe('GET /conversations/:id/history', () => {
    it('should page oldest first', async () => {
      const { id } = await conversation();
      await patchStatus(team.clinic.admin, id, { status: 'WAITING_SECRETARY' }).expect(200);
      await patchStatus(team.clinic.admin, id, { status: 'ACTIVE' }).expect(200);
      await patchStatus(team.clinic.admin, id, { status: 'AWAITING_RESPONSE' }).expect(200);
      const second = await history(team.clinic.admin, id, { page: 2, limit: 1 }).expect(200);
      expect(second.body).toMatchObject({ total: 3, page: 2, limit: 1, pages: 3, items: [expect.objectContaining({ old_value: 'WAITING_SECRETARY', new_value: 'ACTIVE' })] });
      expectInvalidFields(await history(team.clinic.admin, id, { limit: 101 }), ['limit']);
    });
  });
});
