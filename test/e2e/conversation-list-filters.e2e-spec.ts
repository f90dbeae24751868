import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Response, Test } from 'supertest';
import { ConversationEntity, ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { bearer, http, PREFIX, Session } from '../support/api';
import { insertConversationRow, receivePatientMessages } from '../support/conversation-workflow-rows';
import { withTestApp } from '../support/create-test-app';
import { expectError, expectInvalidFields } from '../support/expect-error';
import { createTeam, Team } from '../support/factories';
import { dataSourceOf } from '../support/whatsapp';

const CONVERSATIONS = `${PREFIX}/conversations`;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 12, minutes));

function ids(response: Response): string[] {
  return (response.body.items as { id: string }[]).map((item) => item.id);
}

describe('Conversation list filters and read state (e2e)', () => {
  let app: NestFastifyApplication;
  let team: Team;
  // One clinic with a known set, so every filter can be checked against the exact expected ids.
  let rows: Record<'bot' | 'human' | 'urgent' | 'mine' | 'theirs' | 'closed', ConversationEntity>;

  withTestApp((created) => (app = created));

  beforeAll(async () => {
    team = await createTeam(app);
    const org = team.clinic.organizationId;
    rows = {
      bot: await insertConversationRow(app, org, { lastMessageAt: at(50) }),
      human: await insertConversationRow(app, org, { ownerType: ConversationOwner.Human, ownerUserId: team.secretary.userId, lastMessageAt: at(40) }),
      urgent: await insertConversationRow(app, org, { urgent: true, status: ConversationStatus.WaitingSecretary, ownerType: ConversationOwner.Nobody, lastMessageAt: at(10) }),
      mine: await insertConversationRow(app, org, { assignedToId: team.secretary.userId, lastMessageAt: at(30) }),
      theirs: await insertConversationRow(app, org, { assignedToId: team.otherSecretary.userId, lastMessageAt: at(20) }),
      closed: await insertConversationRow(app, org, { status: ConversationStatus.Closed, lastMessageAt: at(0) }),
    };
    // Created in a known order, an hour apart, for the created_at sort and range.
    for (const [index, key] of (['closed', 'theirs', 'mine', 'urgent', 'human', 'bot'] as const).entries()) {
      await dataSourceOf(app).query('UPDATE conversations SET created_at = $2 WHERE id = $1', [rows[key].id, new Date(Date.UTC(2026, 10, 1, index))]);
    }
  });

  function list(actor: Session, query: Record<string, string | number | string[]> = {}): Test {
    return http(app).get(CONVERSATIONS).query(query).set(...bearer(actor));
  }

  function read(actor: Session, id: string, verb: 'read' | 'unread'): Test {
    return http(app).post(`${CONVERSATIONS}/${id}/${verb}`).set(...bearer(actor));
  }

  const idsOf = (...keys: (keyof typeof rows)[]) => keys.map((key) => rows[key].id);

  describe('filters', () => {
    it.each([
      ['owner=human', { owner: 'human' }, ['human']],
      ['owner=none', { owner: 'none' }, ['urgent']],
      ['urgent=true', { urgent: 'true' }, ['urgent']],
      ['assigned_to=none', { assigned_to: 'none' }, ['bot', 'human', 'urgent', 'closed']],
      ['status (multi)', { status: 'WAITING_SECRETARY,CLOSED' }, ['urgent', 'closed']],
      ['created range', { created_from: '2026-11-01T01:00:00Z', created_to: '2026-11-01T02:00:00Z' }, ['mine', 'theirs']],
    ] as const)('should filter by %s for an admin', async (_label, query, expected) => {
      const response = await list(team.clinic.admin, { ...query }).expect(200);
      expect(ids(response)).toEqual(idsOf(...expected));
      expect(response.body.total).toBe(expected.length);
    });

    it('should read assigned_to=me and a user id, still scoped for secretaries', async () => {
      expect(ids(await list(team.secretary, { assigned_to: 'me' }).expect(200))).toEqual(idsOf('mine'));
      expect(ids(await list(team.clinic.admin, { assigned_to: team.otherSecretary.userId }).expect(200))).toEqual(idsOf('theirs'));
      // A secretary asking for another's conversations learns nothing.
      expect(await list(team.secretary, { assigned_to: team.otherSecretary.userId }).expect(200)).toMatchObject({ body: { items: [], total: 0 } });
      expect(ids(await list(team.secretary).expect(200))).not.toContain(rows.theirs.id);
    });

    it('should sort by creation and by urgency', async () => {
      expect(ids(await list(team.clinic.admin, { sort: 'created_at' }).expect(200))).toEqual(idsOf('bot', 'human', 'urgent', 'mine', 'theirs', 'closed'));
      expect(ids(await list(team.clinic.admin, { sort: 'urgency' }).expect(200))).toEqual(idsOf('urgent', 'bot', 'human', 'mine', 'theirs', 'closed'));
      expect(ids(await list(team.clinic.admin).expect(200))).toEqual(idsOf('bot', 'human', 'mine', 'theirs', 'urgent', 'closed'));
    });

    it('should filter by tag through conversation_tags', async () => {
      const tags: { id: string }[] = await dataSourceOf(app).query(
        `INSERT INTO tags (organization_id, name, color) VALUES ($1, 'VIP', '#FF0000'), ($1, 'Retorno', '#00FF00') RETURNING id`,
        [team.clinic.organizationId],
      );
      await dataSourceOf(app).query(
        `INSERT INTO conversation_tags (organization_id, conversation_id, tag_id) VALUES ($1, $2, $3), ($1, $4, $5)`,
        [team.clinic.organizationId, rows.human.id, tags[0].id, rows.closed.id, tags[1].id],
      );
      expect(ids(await list(team.clinic.admin, { tag_id: tags[0].id }).expect(200))).toEqual(idsOf('human'));
      expect(ids(await list(team.clinic.admin, { tag_id: `${tags[0].id},${tags[1].id}` }).expect(200))).toEqual(idsOf('human', 'closed'));
    });

    it.each([
      [{ owner: 'robot' }, 'owner'],
      [{ assigned_to: 'ninguem' }, 'assigned_to'],
      [{ tag_id: 'vip' }, 'tag_id'],
      [{ urgent: 'sim' }, 'urgent'],
      [{ unread: 'yes' }, 'unread'],
      [{ created_from: 'ontem' }, 'created_from'],
      [{ sort: 'name' }, 'sort'],
    ])('should answer 400 for %j', async (query, field) => {
      expectInvalidFields(await list(team.clinic.admin, query), [field]);
    });
  });

  describe('read state', () => {
    it('should count unread patient messages per user, on the list, the detail and the total', async () => {
      const { clinic, secretary, otherSecretary } = await createTeam(app);
      const conversation = await insertConversationRow(app, clinic.organizationId, { lastMessageAt: at(5) });
      const quiet = await insertConversationRow(app, clinic.organizationId, { lastMessageAt: at(1) });
      await receivePatientMessages(app, conversation.id, 3);

      const before = await list(secretary).expect(200);
      expect(before.body.items).toEqual([
        expect.objectContaining({ id: conversation.id, unread_count: 3, urgent: false }),
        expect.objectContaining({ id: quiet.id, unread_count: 0 }),
      ]);
      expect((await http(app).get(`${CONVERSATIONS}/unread-count`).set(...bearer(secretary)).expect(200)).body).toEqual({ conversations: 1, messages: 3 });

      expect((await read(secretary, conversation.id, 'read').expect(200)).body).toMatchObject({ conversation_id: conversation.id, unread_count: 0, last_read_at: expect.any(String) });
      expect(ids(await list(secretary, { unread: 'true' }).expect(200))).toEqual([]);
      expect(ids(await list(secretary, { unread: 'false' }).expect(200))).toEqual([conversation.id, quiet.id]);
      // Her read is hers alone.
      expect(ids(await list(otherSecretary, { unread: 'true' }).expect(200))).toEqual([conversation.id]);

      await receivePatientMessages(app, conversation.id, 2);
      expect((await http(app).get(`${CONVERSATIONS}/${conversation.id}`).set(...bearer(secretary)).expect(200)).body.unread_count).toBe(2);
      expect((await http(app).get(`${CONVERSATIONS}/unread-count`).set(...bearer(secretary)).expect(200)).body).toEqual({ conversations: 1, messages: 2 });

      expect((await read(secretary, quiet.id, 'unread').expect(200)).body.unread_count).toBe(1);
      expect(ids(await list(secretary, { unread: 'true' }).expect(200))).toEqual([conversation.id, quiet.id]);
      await read(secretary, quiet.id, 'read').expect(200);
      expect((await http(app).get(`${CONVERSATIONS}/unread-count`).set(...bearer(secretary)).expect(200)).body).toEqual({ conversations: 1, messages: 2 });
    });

    it('should answer 404 for another clinic’s or another secretary’s conversation and 400 for a malformed id', async () => {
      const foreign = await insertConversationRow(app, team.otherClinic.organizationId);
      expectError(await read(team.clinic.admin, foreign.id, 'read'), 404, 'CONVERSATION_NOT_FOUND');
      expectError(await read(team.secretary, rows.theirs.id, 'unread'), 404, 'CONVERSATION_NOT_FOUND');
      expectInvalidFields(await read(team.secretary, 'x', 'read'), ['id']);
      expectError(await http(app).post(`${CONVERSATIONS}/${rows.mine.id}/read`), 401, 'UNAUTHENTICATED');
      expectError(await http(app).get(`${CONVERSATIONS}/unread-count`), 401, 'UNAUTHENTICATED');
    });
  });
});
