import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDatabase, dataSourceFor, dropDatabase } from '../support/database-admin';

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY table_name`,
  )) as Array<{ table_name: string }>;
  return rows.map((row) => row.table_name);
}

async function schemaFingerprint(dataSource: DataSource): Promise<string> {
  const columns = (await dataSource.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  )) as unknown[];
  const indexes = (await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`)) as unknown[];
  return JSON.stringify({ columns, indexes });
}

describe('Migrations', () => {
  const name = `robbot_migrations_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await createDatabase(name);
    dataSource = await dataSourceFor(name).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(name);
  });

  it('should run every migration up, down, and up again on an empty database', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(dataSource.migrations.length);
    expect(await tables(dataSource)).toEqual(expect.arrayContaining(['audit_logs', 'organizations', 'plans', 'refresh_tokens', 'users']));
    const firstSchema = await schemaFingerprint(dataSource);

    for (let index = 0; index < applied.length; index += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables(dataSource)).toEqual([]);

    expect((await dataSource.runMigrations({ transaction: 'each' })).length).toBe(applied.length);
    expect(await schemaFingerprint(dataSource)).toBe(firstSchema);
  });

  it('should leave nothing for migration:generate to add: entities and migrations agree', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('should seed the four plans with their limits', async () => {
    const plans = (await dataSource.query(`SELECT code, max_users FROM plans ORDER BY sort_order`)) as Array<{ code: string; max_users: number | null }>;
    expect(plans).toEqual([
      { code: 'free', max_users: 3 },
      { code: 'starter', max_users: 5 },
      { code: 'professional', max_users: 15 },
      { code: 'enterprise', max_users: null },
    ]);
  });
});
