import { join } from 'node:path';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { SnakeNamingStrategy } from 'src/database/snake-naming.strategy';
import { ConversationEntity, ConversationStatus } from './conversation.entity';
import { buildConversationListQuery, ConversationsRepository, withLastMessagePreview } from './conversations.repository';
import { MessageEntity } from './message.entity';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const admin: AuthUser = { userId: 'admin-id', organizationId, role: Role.Admin, jti: 'j', sessionId: 's', tokenExpiresAt: 1 };
const secretary: AuthUser = { ...admin, userId: 'secretary-id', role: Role.Secretary };
const cursor = { occurredAt: '2026-11-22T12:00:00.123456Z', id: '1b7e4c2a-9d3f-4e8b-a6c5-0f2e4d6b8a13' };

/** Entity metadata without a connection: enough to build (not run) the SQL. */
async function metadataOnlyDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    namingStrategy: new SnakeNamingStrategy(),
    entities: [join(__dirname, '..', '..', '**', '*.entity.ts')],
  });
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource;
}

function squash(sql: string): string {
  return sql.replace(/\s+/g, ' ');
}

describe(ConversationsRepository.name, () => {
  let dataSource: DataSource;
  let sut: ConversationsRepository;
  let query: jest.SpyInstance;

  beforeAll(async () => {
    dataSource = await metadataOnlyDataSource();
  });

  beforeEach(() => {
    const conversations = dataSource.getRepository(ConversationEntity);
    query = jest.spyOn(conversations, 'query').mockResolvedValue([]);
    jest.spyOn(SelectQueryBuilder.prototype, 'getRawOne').mockResolvedValue({ total: '7' });
    sut = new ConversationsRepository(conversations, dataSource.getRepository(MessageEntity));
  });

  afterEach(() => jest.restoreAllMocks());

  /** The WHERE clause the list query gets, and its parameters. */
  function listQuery(actor: AuthUser, filters: Parameters<typeof buildConversationListQuery>[2] = {}): [string, unknown[]] {
    const [sql, parameters] = buildConversationListQuery(dataSource.getRepository(ConversationEntity).createQueryBuilder('c'), actor, filters).getQueryAndParameters();
    return [squash(sql).slice(squash(sql).indexOf(' WHERE ')), parameters];
  }

  describe('buildConversationListQuery', () => {
    it('should scope an admin to the organization only', () => {
      const [sql, parameters] = listQuery(admin);
      expect(sql).toBe(' WHERE "c"."organization_id" = $1');
      expect(parameters).toEqual([organizationId]);
    });

    it('should scope a secretary to her own and the unassigned conversations', () => {
      const [sql, parameters] = listQuery(secretary);
      expect(sql).toContain('("c"."assigned_to_id" = $2 OR "c"."assigned_to_id" IS NULL)');
      expect(parameters).toEqual([organizationId, 'secretary-id']);
    });

    it('should add each filter as a parameter, never inline', () => {
      const [sql, parameters] = listQuery(admin, {
        status: [ConversationStatus.Active, ConversationStatus.WaitingSecretary],
        session_id: 'session-uuid',
        contact_id: 'contact-uuid',
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-30',
      });
      expect(sql).toContain('"c"."status" IN ($2, $3)');
      expect(sql).toContain('"c"."session_id" = $4');
      expect(sql).toContain('"c"."contact_id" = $5');
      expect(sql).toContain('"c"."last_message_at" >= CAST($6 AS timestamptz)');
      expect(sql).toContain(`"c"."last_message_at" < CAST($7 AS timestamptz) + interval '1 millisecond'`);
      expect(parameters).toEqual([organizationId, 'ACTIVE', 'WAITING_SECRETARY', 'session-uuid', 'contact-uuid', '2026-11-01T00:00:00Z', '2026-11-30']);
    });

    it('should ignore an empty status list', () => {
      expect(listQuery(admin, { status: [] })[0]).not.toContain('status');
    });
  });

  describe('withLastMessagePreview', () => {
    it('should read one newest message per conversation through a LATERAL join, body cut to 120 characters', () => {
      const sql = squash(withLastMessagePreview('SELECT 1'));
      expect(sql).toContain('FROM (SELECT 1) page LEFT JOIN LATERAL (');
      expect(sql).toContain('left(m.body, 120)');
      expect(sql).toContain('WHERE m.organization_id = page.organization_id AND m.conversation_id = page.id ORDER BY m.occurred_at DESC, m.id DESC LIMIT 1');
      expect(sql).toMatch(/ORDER BY page\.last_message_at DESC NULLS LAST, page\.id DESC$/);
    });
  });

  describe('listPage', () => {
    it('should run the page with its contact, preview and total in one query, newest activity first', async () => {
      // A page past the end still answers one row: the total, with null page columns.
      query.mockResolvedValue([{ id: null, list_total: ['7', '2'] }]);
      const result = await sut.listPage(secretary, { status: [ConversationStatus.Active] }, { offset: 40, limit: 20 });

      expect(result).toEqual({ rows: [], total: 7 });
      expect(query).toHaveBeenCalledTimes(1);
      const [sql, parameters] = query.mock.calls[0] as [string, unknown[]];
      const flat = squash(sql);
      expect(flat).toContain('INNER JOIN "contacts" "ct" ON "ct"."id" = "c"."contact_id"');
      expect(flat).not.toContain('deleted_at');
      expect(flat).toContain('ORDER BY "c"."last_message_at" DESC NULLS LAST, "c"."id" DESC LIMIT 20 OFFSET 40');
      expect(flat).toContain('LEFT JOIN LATERAL');
      expect(flat).toContain('LEFT JOIN "conversation_reads" "r" ON "r"."organization_id" = "c"."organization_id" AND "r"."user_id" = $4');
      // The total comes from the tally, scoped and filtered like the page, as a column of the same statement.
      expect(flat).toContain(
        'FROM "conversation_tallies" "c" WHERE c.organization_id = $1 AND (c.assigned_to_id = $2 OR c.assigned_to_id IS NULL) AND c.status IN ($3)',
      );
      expect(parameters).toEqual([organizationId, 'secretary-id', 'ACTIVE', 'secretary-id', 'ACTIVE']);
    });

    it('should sort urgent first and then by newest activity when asked for urgency', async () => {
      query.mockResolvedValue([{ id: null, list_total: [0, 0] }]);
      // A later page: first pages go through a prepared statement instead (covered end to end).
      await sut.listPage(secretary, { sort: 'urgency' }, { offset: 20, limit: 20 });
      const flat = squash((query.mock.calls[0] as [string, unknown[]])[0]);
      expect(flat).toContain('ORDER BY "c"."urgent" DESC, "c"."last_message_at" DESC NULLS LAST, "c"."id" DESC LIMIT 20 OFFSET 20');
      expect(flat).toMatch(/ORDER BY listing\.urgent DESC, listing\.last_message_at DESC NULLS LAST, listing\.id DESC$/);
    });
  });

  describe('historyPage', () => {
    let built: string[];

    beforeEach(() => {
      built = [];
      jest.spyOn(SelectQueryBuilder.prototype, 'getRawAndEntities').mockImplementation(function (this: SelectQueryBuilder<MessageEntity>) {
        built.push(squash(this.getQueryAndParameters()[0]));
        return Promise.resolve({ entities: [], raw: [] });
      });
    });

    it('should read older messages below the cursor, newest first, one extra row to detect more', async () => {
      await sut.historyPage(organizationId, 'conversation-id', 'older', cursor, 50);
      expect(built[0]).toContain('("m"."occurred_at", "m"."id") < (CAST($3 AS timestamptz), CAST($4 AS uuid))');
      expect(built[0]).toMatch(/ORDER BY "m"."occurred_at" DESC, "m"."id" DESC LIMIT 51$/);
    });

    it('should read newer messages above the cursor nearest first', async () => {
      await sut.historyPage(organizationId, 'conversation-id', 'newer', cursor, 10);
      expect(built[0]).toContain('("m"."occurred_at", "m"."id") > (CAST($3 AS timestamptz), CAST($4 AS uuid))');
      expect(built[0]).toMatch(/ORDER BY "m"."occurred_at" ASC, "m"."id" ASC LIMIT 11$/);
    });

    it('should start from the newest message without a cursor and keep the microsecond position', async () => {
      await sut.historyPage(organizationId, 'conversation-id', 'older', null, 20);
      expect(built[0]).not.toContain('CAST(');
      expect(built[0]).toContain(`to_char("m"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursor_at"`);
      expect(built[0]).toContain('WHERE "m"."organization_id" = $1 AND "m"."conversation_id" = $2');
    });

    it('should pair each message with its cursor and cut the extra row', async () => {
      jest.mocked(SelectQueryBuilder.prototype.getRawAndEntities).mockResolvedValue({
        entities: [Object.assign(new MessageEntity(), { id: 'a' }), Object.assign(new MessageEntity(), { id: 'b' })],
        raw: [
          { m_id: 'a', cursor_at: '2026-11-22T12:00:00.000002Z' },
          { m_id: 'b', cursor_at: '2026-11-22T12:00:00.000001Z' },
        ],
      });
      const page = await sut.historyPage(organizationId, 'conversation-id', 'older', null, 1);
      expect(page.hasMore).toBe(true);
      expect(page.items.map((item) => item.cursor)).toEqual([{ occurredAt: '2026-11-22T12:00:00.000002Z', id: 'a' }]);
    });
  });
});
