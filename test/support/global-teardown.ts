import 'reflect-metadata';
import Redis from 'ioredis';
import { redisConfig } from 'src/config/redis.config';
import { dropDatabase } from './database-admin';
import { loadTestRun } from './test-run';

export default async function globalTeardown(): Promise<void> {
  const run = loadTestRun();
  await dropDatabase(run.databaseName);
  const config = redisConfig();
  const redis = new Redis({ host: config.host, port: config.port, password: config.password, db: config.db });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.redisKeyPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
