/**
 * What the ingest and pipeline benches do alike before any load: a run tag, PostgreSQL and Redis up, the app's
 * sources transpiled, a throwaway database migrated with its clinics, and the app started against it with
 * production settings. Each bench adds its own environment and its own seeding on top.
 */
import { randomBytes } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { runStep, ServiceProcess } from './children';
import { LOOPBACK } from './http';
import { buildIngestApp } from './ingest-build';
import { createDatabase, deleteRedisKeys, dropDatabase, migrate, SeededClinic, seedClinics } from './ingest-db';

const ROOT = resolve(__dirname, '..', '..');

/** What clean-up needs to know of a run, whatever stopped it. */
export interface BenchRun {
  tag: string;
  databaseName: string;
  redisPrefix: string;
  databaseCreated: boolean;
  appStarted: boolean;
}

/** Names the run's throwaway database and Redis prefix after `bench` (ingest, pipeline). */
export function nameRun(run: BenchRun, bench: string): void {
  run.tag = `${Date.now().toString(36).slice(-4)}${randomBytes(2).readUInt16BE(0).toString(36).padStart(2, '0').slice(-2)}`;
  run.databaseName = `robbot_bench_${bench}_${run.tag}`;
  run.redisPrefix = `robbot-bench-${bench}-${run.tag}`;
}

/**
 * Services up, sources built (BENCH_APP_SRC: another checkout's src/ and migrations/, to compare a branch; node_modules
 * stay this one's), the run's database created and migrated. Returns the key ring the app and the seeds share.
 */
export async function prepareDatabase(run: BenchRun, buildDir: string, progress: (line: string) => void): Promise<string> {
  progress('services: PostgreSQL and Redis (scripts/services-up.sh)');
  await runStep('bash', ['scripts/services-up.sh'], { cwd: ROOT, env: { ...process.env } });

  const started = Date.now();
  const appSource = resolve(process.env.BENCH_APP_SRC ?? ROOT);
  const files = await buildIngestApp(appSource, buildDir);
  progress(`build: ${files} files of ${appSource} transpiled by swc into ${buildDir} in ${Date.now() - started} ms (no type check; dist/ untouched)`);

  progress(`database: ${run.databaseName} (created and migrated; dropped at the end unless BENCH_KEEP_DB=1)`);
  await createDatabase(run.databaseName);
  run.databaseCreated = true;
  await migrate(run.databaseName, buildDir);
  return `bench:${randomBytes(32).toString('base64')}`;
}

/** `prepareDatabase`, then `clinics` clinics with their WhatsApp numbers. */
export async function prepareRun(
  run: BenchRun,
  buildDir: string,
  clinics: number,
  progress: (line: string) => void,
): Promise<{ secretsKeys: string; clinics: SeededClinic[] }> {
  const secretsKeys = await prepareDatabase(run, buildDir, progress);
  const hmacKeys = Array.from({ length: clinics }, () => randomBytes(24).toString('hex'));
  return { secretsKeys, clinics: await seedClinics(run.databaseName, clinics, secretsKeys, hmacKeys) };
}

/** The app's LOG_LEVEL in a bench (`info` adds a log line per request). */
export const APP_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';

/**
 * The built app as a child process (APP_ROLE=all, NODE_ENV=production) on the loopback `port`, against the run's
 * database and Redis prefix; `env` adds or overrides variables. BENCH_APP_NODE_OPTIONS (e.g. `--cpu-prof`) and
 * BENCH_APP_STDOUT (`inherit`) are honoured.
 */
export function startApp(
  run: BenchRun,
  options: { buildDir: string; port: number; secretsKeys: string; env: NodeJS.ProcessEnv },
  progress: (line: string) => void,
): ServiceProcess {
  const main = join(options.buildDir, 'src', 'main.js');
  progress(`app: node ${relative(ROOT, main)} on ${LOOPBACK}:${options.port} (APP_ROLE=all, NODE_ENV=production, LOG_LEVEL=${APP_LOG_LEVEL})`);
  const args = [...(process.env.BENCH_APP_NODE_OPTIONS ?? '').split(' ').filter(Boolean), main];
  run.appStarted = true;
  return new ServiceProcess('app', process.execPath, args, {
    cwd: ROOT,
    stdout: process.env.BENCH_APP_STDOUT === 'inherit' ? 'inherit' : 'ignore',
    env: {
      ...process.env,
      NODE_PATH: options.buildDir,
      NODE_ENV: 'production',
      APP_ROLE: 'all',
      HOST: LOOPBACK,
      PORT: String(options.port),
      LOG_LEVEL: APP_LOG_LEVEL,
      DATABASE_NAME: run.databaseName,
      REDIS_KEY_PREFIX: run.redisPrefix,
      // Production refuses the development defaults; this throwaway instance only needs them to be its own.
      JWT_ACCESS_SECRET: randomBytes(32).toString('base64url'),
      SECRETS_ENCRYPTION_KEYS: options.secretsKeys,
      SHUTDOWN_TIMEOUT_MS: '5000',
      ...options.env,
    },
  });
}

/** Drops the run's database (unless BENCH_KEEP_DB=1) and deletes its Redis keys, once each, reporting what it did. */
export async function removeRunData(run: BenchRun, progress: (line: string) => void): Promise<void> {
  if (run.databaseCreated) {
    if (process.env.BENCH_KEEP_DB === '1') {
      progress(`kept database ${run.databaseName} (BENCH_KEEP_DB=1); drop it with: DROP DATABASE "${run.databaseName}" WITH (FORCE)`);
    } else {
      await dropDatabase(run.databaseName).then(
        () => progress(`dropped database ${run.databaseName}`),
        (error: unknown) => progress(`could not drop database ${run.databaseName}: ${String(error)}`),
      );
    }
    run.databaseCreated = false;
  }
  if (run.appStarted) {
    await deleteRedisKeys(run.redisPrefix).then(
      (count) => progress(`deleted ${count} Redis keys under ${run.redisPrefix}:`),
      (error: unknown) => progress(`could not delete Redis keys under ${run.redisPrefix}: ${String(error)}`),
    );
    run.appStarted = false;
  }
}
