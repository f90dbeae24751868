import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { seedDemo } from '../../scripts/seed-demo';
import { createDatabase, dataSourceFor } from './database-admin';
import { saveTestRun } from './test-run';

/** Creates and migrates this run's throwaway database and picks its Redis key prefix. */
export default async function globalSetup(): Promise<void> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const run = { databaseName: `robbot_test_${id}`, redisKeyPrefix: `robbot-test-${id}` };
  await createDatabase(run.databaseName);
  const dataSource = await dataSourceFor(run.databaseName).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemo(dataSource);
  } finally {
    await dataSource.destroy();
  }
  saveTestRun(run);
}
