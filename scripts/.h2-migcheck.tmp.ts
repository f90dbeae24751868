import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseConfig } from 'src/config/database.config';
import { buildTypeOrmOptions } from 'src/database/typeorm.options';
async function main() {
  const ds = await new DataSource({ ...buildTypeOrmOptions({ ...databaseConfig(), name: 'kn_scratch_h2' }), logging: ['error'] }).initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  console.log('applied', applied.map((m) => m.name));
  const log = await ds.driver.createSchemaBuilder().log();
  console.log(log.upQueries.map((q) => q.query).filter((q) => /knowledge|clinic_profiles/.test(q)));
  console.log('other pending', log.upQueries.filter((q) => !/knowledge|clinic_profiles/.test(q.query)).length);
  // Undo back to before mine, then up again.
  const mine = applied.findIndex((m) => m.name.includes('CreateKnowledge'));
  for (let i = applied.length - 1; i >= mine; i -= 1) await ds.undoLastMigration({ transaction: 'each' });
  console.log('after undo tables', (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND (table_name LIKE 'knowledge%' OR table_name = 'clinic_profiles')`)));
  console.log('cfg', await ds.query(`SELECT cfgname FROM pg_ts_config WHERE cfgname = 'robbot_portuguese'`));
  console.log('reapplied', (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name));
  await ds.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
