/**
 * The throwaway PostgreSQL database and Redis namespace of one `npm run bench:ingest` run: created, migrated
 * and seeded (clinics and their WhatsApp numbers with known HMAC keys) before the app starts, queried to verify
 * what the app stored, dropped afterwards. Connection settings come from the same variables the app reads.
 */
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { loadEnv } from 'src/config/env.validation';
import { BenchSession } from './ingest-bodies';

/** A plain TypeORM connection (no entities) to `database`, with the settings the app reads. */
export function dataSource(database: string, extra: { poolSize?: number; migrationsDir?: string } = {}): DataSource {
  const env = loadEnv();
  return new DataSource({
    type: 'postgres',
    host: env.DATABASE_HOST,
    port: env.DATABASE_PORT,
    username: env.DATABASE_USER,
    password: env.DATABASE_PASSWORD,
    database,
    ssl: env.DATABASE_SSL ? { rejectUnauthorized: false } : false,
    entities: [],
    migrations: extra.migrationsDir ? [join(extra.migrationsDir, '*.js')] : [],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    logging: ['error'],
    extra: { max: extra.poolSize ?? 1, application_name: 'robbot-bench-ingest' },
  });
}

export async function withConnection<T>(database: string, work: (db: DataSource) => Promise<T>, migrationsDir?: string): Promise<T> {
  const db = await dataSource(database, { migrationsDir }).initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export async function createDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await withConnection('postgres', (admin) => admin.query(`CREATE DATABASE "${name}"`));
}

export async function dropDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  await withConnection('postgres', (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Runs the migrations of the bench's build (`<buildDir>/migrations/*.js`), one transaction each like the CLI. */
export async function migrate(name: string, buildDir: string): Promise<number> {
  return withConnection(name, async (db) => (await db.runMigrations({ transaction: 'each' })).length, join(buildDir, 'migrations'));
}

/** A few settings that decide what "durable" costs on this server; printed with the figures. */
export async function serverSettings(name: string): Promise<Record<string, string>> {
  return withConnection(name, async (db) => {
    const rows: { name: string; setting: string }[] = await db.query(
      `SELECT name, setting FROM pg_settings
       WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'server_version', 'max_connections')`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  });
}

export interface SeededClinic {
  organizationId: string;
  sessionId: string;
  session: BenchSession;
}

/**
 * `count` clinics (organizations on the enterprise plan, no limits), each with one WORKING WhatsApp number whose
 * HMAC key is sealed with the app's key ring (`secretsKeys`, the SECRETS_ENCRYPTION_KEYS given to the app).
 */
export async function seedClinics(name: string, count: number, secretsKeys: string, hmacKeys: string[]): Promise<SeededClinic[]> {
  const cipher = new SecretCipher({
    keys: secretsKeys.split(',').map((entry) => {
      const [id, key] = entry.split(':');
      return { id, key: Buffer.from(key, 'base64') };
    }),
  });
  return withConnection(name, async (db) => {
    const clinics: SeededClinic[] = [];
    for (let n = 1; n <= count; n += 1) {
      const session: BenchSession = {
        name: `bench-clinic-${n}`,
        hmacKey: hmacKeys[n - 1],
        meId: `55113210${String(4560 + n)}@c.us`,
        pushName: `Clínica Bench ${n}`,
      };
      const org: { id: string }[] = await db.query(`INSERT INTO organizations (name, plan) VALUES ($1, 'enterprise') RETURNING id`, [session.pushName]);
      const row: { id: string }[] = await db.query(
        `INSERT INTO whatsapp_sessions (organization_id, name, display_name, status, status_changed_at, me_id, me_push_name, hmac_key_encrypted)
         VALUES ($1, $2, $3, 'WORKING', now(), $4, $5, $6) RETURNING id`,
        [org[0].id, session.name, session.pushName, session.meId, session.pushName, cipher.encrypt(session.hmacKey)],
      );
      clinics.push({ organizationId: org[0].id, sessionId: row[0].id, session });
    }
    return clinics;
  });
}

export interface Verification {
  /** Webhooks asked about (the accepted ones). */
  checked: number;
  /** Accepted, but no inbox row with that envelope id. */
  noInboxRow: number;
  /** Envelope ids with more than one inbox row. */
  inboxDuplicates: number;
  /** Accepted webhooks whose inbox row is in each status. */
  inboxStatus: Record<string, number>;
  /** Accepted, but no message with that key id. */
  noMessage: number;
  /** …of which the inbox row is settled (processed/ignored), i.e. the message will never come. */
  noMessageSettled: number;
  /** Key ids with more than one message. */
  messageDuplicates: number;
}

export interface Totals {
  inboxRows: number;
  /** Inbox rows whose stored payload is not the webhook with their envelope id (must be 0). */
  payloadMismatches: number;
  inboxByStatus: Record<string, number>;
  inboxDuplicateEventIds: number;
  messages: number;
  messageDuplicateKeyIds: number;
  contacts: number;
  conversations: number;
}

/** The bench's own queries against the run's database (two connections). */
export class BenchDatabase {
  private constructor(private readonly db: DataSource) {}

  static async open(name: string): Promise<BenchDatabase> {
    return new BenchDatabase(await dataSource(name, { poolSize: 2 }).initialize());
  }

  async pending(): Promise<number> {
    const rows: { n: string }[] = await this.db.query(`SELECT count(*) AS n FROM waha_inbox_events WHERE status = 'pending'`);
    return Number(rows[0].n);
  }

  async statusOf(eventId: string): Promise<string | null> {
    const rows: { status: string }[] = await this.db.query(`SELECT status FROM waha_inbox_events WHERE event_id = $1`, [eventId]);
    return rows[0]?.status ?? null;
  }

  /** What became of exactly these webhooks (by envelope id and WhatsApp key id, pairwise). */
  async verify(eventIds: string[], keyIds: string[]): Promise<Verification> {
    const inbox: { status: string | null; webhooks: string }[] = await this.db.query(
      `SELECT status, count(*) AS webhooks FROM (
         SELECT a.event_id, min(w.status) AS status
         FROM unnest($1::varchar[]) AS a(event_id) LEFT JOIN waha_inbox_events w ON w.event_id = a.event_id
         GROUP BY a.event_id) per_webhook
       GROUP BY status`,
      [eventIds],
    );
    const duplicates: { n: string }[] = await this.db.query(
      `SELECT count(*) AS n FROM (
         SELECT w.event_id FROM unnest($1::varchar[]) AS a(event_id) JOIN waha_inbox_events w ON w.event_id = a.event_id
         GROUP BY w.event_id HAVING count(*) > 1) d`,
      [eventIds],
    );
    const messages: { missing: string; missing_settled: string; duplicated: string }[] = await this.db.query(
      `WITH a AS (SELECT * FROM unnest($1::varchar[], $2::varchar[]) AS a(key_id, event_id)),
            m AS (SELECT waha_key_id, count(*) AS n FROM messages WHERE waha_key_id = ANY($1::varchar[]) GROUP BY waha_key_id),
            w AS (SELECT event_id, min(status) AS status FROM waha_inbox_events WHERE event_id = ANY($2::varchar[]) GROUP BY event_id)
       SELECT count(*) FILTER (WHERE m.n IS NULL) AS missing,
              count(*) FILTER (WHERE m.n IS NULL AND w.status IN ('processed', 'ignored')) AS missing_settled,
              count(*) FILTER (WHERE m.n > 1) AS duplicated
       FROM a LEFT JOIN m ON m.waha_key_id = a.key_id LEFT JOIN w ON w.event_id = a.event_id`,
      [keyIds, eventIds],
    );
    const inboxStatus: Record<string, number> = {};
    let noInboxRow = 0;
    for (const row of inbox) {
      if (row.status === null) noInboxRow += Number(row.webhooks);
      else inboxStatus[row.status] = Number(row.webhooks);
    }
    return {
      checked: eventIds.length,
      noInboxRow,
      inboxDuplicates: Number(duplicates[0].n),
      inboxStatus,
      noMessage: Number(messages[0].missing),
      noMessageSettled: Number(messages[0].missing_settled),
      messageDuplicates: Number(messages[0].duplicated),
    };
  }

  async totals(): Promise<Totals> {
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT (SELECT count(*) FROM waha_inbox_events) AS inbox_rows,
              (SELECT count(*) FROM waha_inbox_events WHERE payload->>'id' IS DISTINCT FROM event_id) AS payload_mismatch,
              (SELECT count(*) FROM (SELECT 1 FROM waha_inbox_events GROUP BY event_id HAVING count(*) > 1) d) AS inbox_dup,
              (SELECT count(*) FROM messages) AS messages,
              (SELECT count(*) FROM (SELECT 1 FROM messages WHERE waha_key_id IS NOT NULL
                                     GROUP BY organization_id, session_id, waha_key_id HAVING count(*) > 1) d) AS message_dup,
              (SELECT count(*) FROM contacts) AS contacts,
              (SELECT count(*) FROM conversations) AS conversations`,
    );
    const status: { status: string; n: string }[] = await this.db.query(`SELECT status, count(*) AS n FROM waha_inbox_events GROUP BY status`);
    return {
      inboxRows: Number(rows[0].inbox_rows),
      payloadMismatches: Number(rows[0].payload_mismatch),
      inboxByStatus: Object.fromEntries(status.map((row) => [row.status, Number(row.n)])),
      inboxDuplicateEventIds: Number(rows[0].inbox_dup),
      messages: Number(rows[0].messages),
      messageDuplicateKeyIds: Number(rows[0].message_dup),
      contacts: Number(rows[0].contacts),
      conversations: Number(rows[0].conversations),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Deletes every Redis key of the run's prefix (`<prefix>:…`); returns how many. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  if (!/^[A-Za-z0-9_.-]+$/.test(prefix) || prefix.length < 12) throw new Error(`refusing to delete Redis keys for prefix ${JSON.stringify(prefix)}`);
  const env = loadEnv();
  const redis = new Redis({ host: env.REDIS_HOST, port: env.REDIS_PORT, password: env.REDIS_PASSWORD, db: env.REDIS_DB, lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    for (const pattern of [`${prefix}:*`, prefix]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) deleted += await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
