/**
 * `npm run bench:http` — autocannon against the authenticated `GET /api/v1/users/me` of the built app and,
 * in the same run, against a bare Fastify server returning 200, in two phases: saturation (100 connections,
 * 15 s) and a fixed rate of 2,000 requests/s. Prints req/s, p50 and p99 of both servers, the ratio, the
 * targets (saturation: app ≥ 10 % of bare req/s; fixed rate: app p99 ≤ 10 ms), then one JSON line.
 *
 * Exit code: 0 when the measurement ran (targets missed or not), 2 when it ran but a figure is invalid
 * (non-2xx responses or connection errors), 1 when the bench itself failed. See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runStep, ServiceProcess, stopAll } from './support/children';
import { runBenchMain } from './support/main';
import { expectOk, findFreePort, login, LOOPBACK, waitForOk } from './support/http';
import { LoadSpec, LoadSummary, runLoad } from './support/load';

const ROOT = resolve(__dirname, '..');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

// The figures; the env knobs exist for quick experiments, not for the reported numbers.
const SATURATION_CONNECTIONS = 100;
const FIXED_RATE = 2_000;
const FIXED_RATE_CONNECTIONS = 10;
const DURATION_S = intFromEnv('BENCH_DURATION_S', 15);
const WARMUP_S = intFromEnv('BENCH_WARMUP_S', 3);
const TARGET_RATIO_PCT = 10;
const TARGET_P99_MS = 10;
/** Below this share of the offered rate, the fixed-rate figure did not hold 2,000 req/s. */
const SUSTAINED_SHARE = 0.95;
const APP_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const APP_PATH = '/api/v1/users/me';
const HEALTH_PATH = '/api/v1/health';
const STARTUP_TIMEOUT_MS = 60_000;

type Target = 'bare' | 'app';
type Phase = 'saturation' | 'fixed_rate';
type Status = 'PASS' | 'FAIL' | 'INVALID';

interface RunResult extends LoadSummary {
  valid: boolean;
}

const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

// ---------------------------------------------------------------- setup

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** BENCH_BUILD=always|never|auto (default): auto builds when an output is missing or older than any input. */
function buildReason(): string | null {
  const mode = process.env.BENCH_BUILD ?? 'auto';
  if (!['auto', 'always', 'never'].includes(mode)) throw new Error(`BENCH_BUILD must be auto, always or never, got ${JSON.stringify(mode)}`);
  if (mode === 'always') return 'BENCH_BUILD=always';
  if (mode === 'never') return null;
  const outputs = ['dist/src/main.js', 'dist/src/database/data-source.js', 'dist/scripts/seed-demo.js'].map((path) => join(ROOT, path));
  if (outputs.some((path) => !existsSync(path))) return 'dist is missing';
  const inputs = ['src', 'migrations', 'scripts/seed-demo.ts', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
  const newestInput = Math.max(...inputs.map((path) => newestMtime(join(ROOT, path))));
  const oldestOutput = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
  return newestInput > oldestOutput ? 'dist is older than the sources' : null;
}

function loadDotEnv(): void {
  // Same settings as scripts/*.sh (which source .env); variables already set in the shell win.
  const file = join(ROOT, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

async function prepare(env: NodeJS.ProcessEnv): Promise<void> {
  progress('services: PostgreSQL and Redis (scripts/services-up.sh)');
  await runStep('bash', ['scripts/services-up.sh'], { cwd: ROOT, env });
  const reason = buildReason();
  if (reason) {
    progress(`build: ${reason}; npm run build`);
    await runStep('npm', ['run', 'build', '--silent'], { cwd: ROOT, env });
  } else if (process.env.BENCH_BUILD === 'never') {
    progress('build: skipped (BENCH_BUILD=never)');
  } else {
    progress('build: dist is up to date (BENCH_BUILD=always forces a build)');
  }
  progress('migrations');
  await runStep(process.execPath, ['node_modules/typeorm/cli.js', 'migration:run', '-d', 'dist/src/database/data-source.js'], { cwd: ROOT, env });
  progress('demo seed');
  await runStep(process.execPath, ['dist/scripts/seed-demo.js'], { cwd: ROOT, env });
}

// ---------------------------------------------------------------- measuring

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function measure(phase: Phase, target: Target, server: ServiceProcess, spec: Omit<LoadSpec, 'durationSeconds'>): Promise<RunResult> {
  const rate = spec.overallRate ? `, ${spec.overallRate} req/s` : '';
  progress(`${phase} ${target}: ${spec.connections} connections${rate}, warm-up ${WARMUP_S} s, then ${DURATION_S} s measured`);
  await runLoad({ ...spec, durationSeconds: WARMUP_S });
  await pause(500);
  const summary = await runLoad({ ...spec, durationSeconds: DURATION_S });
  await pause(500);
  const exit = server.exitStatus;
  if (exit) throw new Error(`${server.name} exited (${exit}) during ${phase}\n${server.stderr}`);
  const result: RunResult = { ...summary, valid: summary.non2xx === 0 && summary.errors === 0 && summary.requests > 0 };
  printRun(phase, target, result);
  return result;
}

function fmt(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function printRun(phase: Phase, target: Target, run: RunResult): void {
  out(
    `${phase.padEnd(10)}  ${target.padEnd(4)}  req/s=${fmt(run.rps, 1)}  p50=${fmt(run.p50Ms)}ms  p99=${fmt(run.p99Ms)}ms  ` +
      `requests=${run.requests}  non2xx=${run.non2xx}  errors=${run.errors}  timeouts=${run.timeouts}`,
  );
  if (run.non2xx > 0) {
    const codes = Object.entries(run.statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, count]) => `${code}×${count}`)
      .join(', ');
    out(`  !! INVALID: ${run.non2xx} non-2xx responses (${codes}); this run's figures do not measure the route`);
  }
  if (run.errors > 0) out(`  !! INVALID: ${run.errors} connection errors (${run.timeouts} of them timeouts)`);
  if (run.requests === 0) out('  !! INVALID: no response at all');
}

function ratioPct(app: RunResult, bare: RunResult): number {
  return bare.rps > 0 ? Math.round((app.rps / bare.rps) * 1000) / 10 : Number.NaN;
}

function status(valid: boolean, pass: boolean): Status {
  if (!valid) return 'INVALID';
  return pass ? 'PASS' : 'FAIL';
}

function runJson(run: RunResult): Record<string, unknown> {
  return {
    rps: run.rps,
    p50_ms: run.p50Ms,
    p90_ms: run.p90Ms,
    p99_ms: run.p99Ms,
    mean_ms: run.meanMs,
    max_ms: run.maxMs,
    requests: run.requests,
    duration_s: run.durationSeconds,
    non2xx: run.non2xx,
    errors: run.errors,
    timeouts: run.timeouts,
    status_codes: run.statusCodes,
    valid: run.valid,
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  loadDotEnv();
  const started = new Date();
  const env: NodeJS.ProcessEnv = { ...process.env };
  await prepare(env);

  const appPort = await findFreePort(intFromEnv('BENCH_APP_PORT', 3100));
  const barePort = await findFreePort(intFromEnv('BENCH_BARE_PORT', appPort + 1), [appPort]);
  const appBase = `http://${LOOPBACK}:${appPort}`;
  const bareUrl = `http://${LOOPBACK}:${barePort}/`;

  progress(`app: node dist/src/main.js on ${LOOPBACK}:${appPort} (NODE_ENV=production, LOG_LEVEL=${APP_LOG_LEVEL}, stdout discarded)`);
  const app = new ServiceProcess('app', process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    stdout: process.env.BENCH_APP_STDOUT === 'inherit' ? 'inherit' : 'ignore',
    env: {
      ...env,
      NODE_ENV: 'production',
      APP_ROLE: 'all',
      HOST: LOOPBACK,
      PORT: String(appPort),
      LOG_LEVEL: APP_LOG_LEVEL,
      // 1,000/min per organization would answer 429 after the first thousand requests.
      THROTTLE_ORG_LIMIT_PER_MINUTE: '100000000',
      REDIS_KEY_PREFIX: 'robbot-bench',
      // Production refuses the development default; this throwaway instance signs and checks its own tokens.
      JWT_ACCESS_SECRET: randomBytes(32).toString('base64url'),
      SHUTDOWN_TIMEOUT_MS: '5000',
    },
  });
  progress(`bare: Fastify on ${LOOPBACK}:${barePort} (bench/support/bare-server.ts)`);
  const bare = new ServiceProcess('bare', process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, 'bench/support/bare-server.ts')], {
    cwd: ROOT,
    env: { ...env, BENCH_BARE_PORT: String(barePort), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
  });

  await Promise.all([waitForOk(`${appBase}${HEALTH_PATH}`, app, STARTUP_TIMEOUT_MS), waitForOk(bareUrl, bare, STARTUP_TIMEOUT_MS)]);
  const email = process.env.BENCH_EMAIL ?? 'admin@clinicaexemplo.com.br';
  const token = await login(`${appBase}/api/v1`, email, process.env.DEMO_USER_PASSWORD ?? 'Robbot-Demo-2026');
  const appUrl = `${appBase}${APP_PATH}`;
  const auth = { authorization: `Bearer ${token}` };
  await expectOk(appUrl, auth);
  progress(`ready: logged in as ${email}; GET ${APP_PATH} answers 200`);

  const satBare = await measure('saturation', 'bare', bare, { url: bareUrl, connections: SATURATION_CONNECTIONS });
  const satApp = await measure('saturation', 'app', app, { url: appUrl, connections: SATURATION_CONNECTIONS, headers: auth });
  const satRatio = ratioPct(satApp, satBare);
  out(`saturation  ratio app/bare req/s = ${fmt(satRatio, 1)} %`);

  const fixedBare = await measure('fixed_rate', 'bare', bare, { url: bareUrl, connections: FIXED_RATE_CONNECTIONS, overallRate: FIXED_RATE });
  const fixedApp = await measure('fixed_rate', 'app', app, { url: appUrl, connections: FIXED_RATE_CONNECTIONS, overallRate: FIXED_RATE, headers: auth });
  const fixedRatio = ratioPct(fixedApp, fixedBare);
  out(`fixed_rate  ratio app/bare req/s = ${fmt(fixedRatio, 1)} %`);
  const sustained = fixedApp.rps >= FIXED_RATE * SUSTAINED_SHARE;
  if (!sustained) out(`  note: the app completed ${fmt(fixedApp.rps, 1)} req/s, short of the offered ${FIXED_RATE} req/s`);

  const ratioStatus = status(satApp.valid && satBare.valid, satRatio >= TARGET_RATIO_PCT);
  const p99Status = status(fixedApp.valid, fixedApp.p99Ms <= TARGET_P99_MS);
  out(`target  saturation: app req/s ≥ ${TARGET_RATIO_PCT} % of bare   actual ${fmt(satRatio, 1)} %   ${ratioStatus}`);
  out(`target  fixed_rate: app p99 ≤ ${TARGET_P99_MS} ms at ${FIXED_RATE} req/s   actual ${fmt(fixedApp.p99Ms)} ms   ${p99Status}`);

  const valid = [satBare, satApp, fixedBare, fixedApp].every((run) => run.valid);
  const report = {
    bench: 'http',
    started_at: started.toISOString(),
    node: process.version,
    route: `GET ${APP_PATH}`,
    config: {
      duration_s: DURATION_S,
      warmup_s: WARMUP_S,
      saturation_connections: SATURATION_CONNECTIONS,
      fixed_rate_rps: FIXED_RATE,
      fixed_rate_connections: FIXED_RATE_CONNECTIONS,
      app_log_level: APP_LOG_LEVEL,
    },
    saturation: { bare: runJson(satBare), app: runJson(satApp), ratio_pct: satRatio },
    fixed_rate: { bare: runJson(fixedBare), app: runJson(fixedApp), ratio_pct: fixedRatio, app_sustained_rate: sustained },
    targets: {
      saturation_ratio: { threshold_pct: TARGET_RATIO_PCT, actual_pct: satRatio, status: ratioStatus },
      fixed_rate_app_p99: { threshold_ms: TARGET_P99_MS, actual_ms: fixedApp.p99Ms, status: p99Status },
    },
    valid,
  };

  progress('stopping the app and the bare server');
  await Promise.all([app.stop(), bare.stop()]);
  out(JSON.stringify(report));
  return valid ? 0 : 2;
}

runBenchMain(main, { cleanUp: () => stopAll(), progress });
