import { tmpdir } from 'node:os';
import { join } from 'node:path';
/** What global setup decided for this run: a throwaway database and Redis key prefix. */
export interface TestRun {
  databaseName: string;
  redisKeyPrefix: string;
}

// Passed to the workers through the environment (they are spawned after global setup), so concurrent
// jest runs on one machine never read each other's run.
const RUN_VARIABLE = 'ROBBOT_TEST_RUN';

export function saveTestRun(run: TestRun): void {
  process.env[RUN_VARIABLE] = JSON.stringify(run);
}

export function loadTestRun(): TestRun {
  const raw = process.env[RUN_VARIABLE];
  if (!raw) throw new Error('No test run: e2e tests need the jest global setup (npm test)');
  return JSON.parse(raw) as TestRun;
}

/** The environment every e2e app boots with; individual tests may override keys. */
export function testEnvironment(run: TestRun): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_NAME: run.databaseName,
    REDIS_KEY_PREFIX: run.redisKeyPrefix,
    DATABASE_POOL_SIZE: '5',
    // Generous limits so unrelated tests never trip them; throttling tests set their own.
    THROTTLE_ORG_LIMIT_PER_MINUTE: '100000',
    THROTTLE_LOGIN_LIMIT_PER_MINUTE: '100000',
    THROTTLE_REGISTER_LIMIT_PER_HOUR: '100000',
    WAHA_BASE_URL: 'http://127.0.0.1:9',
    WAHA_TIMEOUT_MS: '2000',
    MEDIA_STORAGE_DIR: join(tmpdir(), `robbot-media-${run.databaseName}`),
    // Fast retries and no artificial typing pauses, so queue tests finish quickly.
    WHATSAPP_SEND_BACKOFF_MS: '100',
    WHATSAPP_TYPING_MS_PER_CHAR: '0',
    WHATSAPP_DEFAULT_MIN_CHAT_GAP_MS: '0',
    WHATSAPP_DEFAULT_SEND_RATE_PER_MINUTE: '600',
    // Long, so one test app's sweeper never takes another's fresh events; tests that sweep set their own.
    INBOX_SWEEP_AFTER_MS: '600000',
    JWT_ACCESS_SECRET: 'test-access-secret-0123456789-abcdefghijklmnop',
  };
}
