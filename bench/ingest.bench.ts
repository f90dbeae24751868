/**
 * `npm run bench:ingest` — autocannon posting signed WAHA `message` webhooks (each with its own envelope id and
 * WhatsApp key id) to `POST /api/v1/webhooks/waha` of the app running with its queue processors on
 * (APP_ROLE=all), and in the same run to a bare Fastify server answering 200. Two phases: saturation
 * (100 connections, 20 s) and a fixed rate of 1,000 webhooks/s (15 s). Prints accepted webhooks/s, p50 and
 * p99, the ratio to bare Fastify, then checks in PostgreSQL that every accepted webhook is stored exactly once
 * and processed into exactly one message, and how long the backlog took to drain after the load stopped.
 * Ends with one JSON line.
 *
 * Exit code: 0 when the measurement ran (targets missed or not), 2 when it ran but a run is invalid
 * (non-2xx responses or connection errors), 1 when the bench itself failed. See bench/README.md.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_LOG_LEVEL, nameRun, prepareRun, removeRunData, startApp } from './support/bench-app';
import { ServiceProcess, stopAll } from './support/children';
import { runBenchMain } from './support/main';
import { CpuGroups, cpuDelta, othersOf, sampleCpu } from './support/cpu';
import { findFreePort, LOOPBACK, waitForOk } from './support/http';
import { SignedWebhook, WebhookFactory, WebhookPool } from './support/ingest-bodies';
import { BenchDatabase, serverSettings, Totals, Verification, withConnection } from './support/ingest-db';
import { IngestLoadSummary, runIngestLoad } from './support/ingest-load';

const ROOT = resolve(__dirname, '..');
const BUILD_DIR = join(ROOT, 'bench', '.build', 'ingest-app');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

// The issue's figures; the env knobs exist for quick experiments, not for the reported numbers.
const SATURATION_CONNECTIONS = 100;
const SATURATION_DURATION_S = intFromEnv('BENCH_SATURATION_S', 20);
const FIXED_RATE = 1_000;
const FIXED_RATE_CONNECTIONS = intFromEnv('BENCH_FIXED_CONNECTIONS', 20);
const FIXED_DURATION_S = intFromEnv('BENCH_FIXED_S', 15);
const WARMUP_S = intFromEnv('BENCH_WARMUP_S', 3);
const POOL_SIZE = intFromEnv('BENCH_POOL_SIZE', 150_000);
const CLINICS = 3;
const PATIENTS = 2_000;
const TARGET_ACCEPTED_PER_S = 3_000;
const TARGET_P99_MS = 20;
const TARGET_DRAIN_S = 30;
/** How long the bench waits for the backlog after a measured run before it stops counting. */
const DRAIN_LIMIT_S = 60;
/** Extra patience before the next run starts, so a slow drain does not spill into the next measurement. */
const SETTLE_LIMIT_S = 180;
/** Below this share of the offered rate, the fixed-rate figure did not hold 1,000 webhooks/s. */
const SUSTAINED_SHARE = 0.95;
const BOT_ON = process.env.BENCH_BOT === 'on';
const WEBHOOK_PATH = '/api/v1/webhooks/waha';
const HEALTH_PATH = '/api/v1/health';
const STARTUP_TIMEOUT_MS = 60_000;

type Phase = 'saturation' | 'fixed_rate';
type Status = 'PASS' | 'FAIL' | 'INVALID';

interface RunResult extends IngestLoadSummary {
  valid: boolean;
  cpu: CpuGroups;
}

interface Drain {
  /** Inbox rows still pending when the load stopped. */
  backlogAtStop: number;
  drained: boolean;
  /** Seconds from the end of the load until no inbox row was pending (or the limit, when not drained). */
  seconds: number;
  /** CPU while draining (from the first poll on). */
  cpu?: CpuGroups;
}

interface AppPhase {
  warmup: RunResult;
  measured: RunResult;
  drain: Drain;
  verification: Verification;
}

const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function fmt(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function loadDotEnv(): void {
  const file = join(ROOT, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

// ---------------------------------------------------------------- run state (for cleanup on any exit)

const run = {
  tag: '',
  databaseName: '',
  redisPrefix: '',
  databaseCreated: false,
  appStarted: false,
  db: null as BenchDatabase | null,
};

let cleaning: Promise<void> | null = null;

/** Stops the children, drops the database and deletes the Redis keys; safe to call from several paths at once. */
function cleanUp(): Promise<void> {
  cleaning ??= doCleanUp();
  return cleaning;
}

async function doCleanUp(): Promise<void> {
  await stopAll();
  if (run.db) {
    await run.db.close().catch(() => undefined);
    run.db = null;
  }
  await removeRunData(run, progress);
}

// ---------------------------------------------------------------- measuring

async function load(
  server: ServiceProcess,
  spec: { url: string; connections: number; durationSeconds: number; overallRate?: number; next: () => SignedWebhook },
): Promise<RunResult> {
  const before = sampleCpu(server.pid, run.databaseName);
  const summary = await runIngestLoad(spec);
  const cpu = cpuDelta(before, sampleCpu(server.pid, run.databaseName));
  const exit = server.exitStatus;
  if (exit) throw new Error(`${server.name} exited (${exit}) during the load\n${server.stderr}`);
  return { ...summary, cpu, valid: summary.non2xx === 0 && summary.errors === 0 && summary.requests > 0 };
}

function describeRate(connections: number, rate?: number): string {
  return rate ? `${connections} connections, ${rate} webhooks/s` : `${connections} connections, as fast as possible`;
}

async function measureBare(phase: Phase, bare: ServiceProcess, pool: WebhookPool, url: string, connections: number, duration: number, rate?: number): Promise<RunResult> {
  progress(`${phase} bare: ${describeRate(connections, rate)}, warm-up ${WARMUP_S} s, then ${duration} s measured`);
  const spec = { url, connections, overallRate: rate, next: () => pool.cycle() };
  await load(bare, { ...spec, durationSeconds: WARMUP_S });
  await pause(500);
  const result = await load(bare, { ...spec, durationSeconds: duration });
  printRun(phase, 'bare', result);
  printCpu(phase, 'bare', result);
  return result;
}

/** Polls the inbox until nothing is pending; `seconds` counts from `since` (the end of the load). */
async function waitForDrain(db: BenchDatabase, since: number, limitS: number): Promise<Drain> {
  let backlogAtStop = -1;
  for (;;) {
    const pending = await db.pending();
    if (backlogAtStop < 0) backlogAtStop = pending;
    const elapsed = (Date.now() - since) / 1000;
    if (pending === 0) return { backlogAtStop, drained: true, seconds: Math.round(elapsed * 10) / 10 };
    if (elapsed >= limitS) return { backlogAtStop, drained: false, seconds: Math.round(elapsed * 10) / 10 };
    await pause(200);
  }
}

async function settle(db: BenchDatabase, what: string): Promise<void> {
  const drain = await waitForDrain(db, Date.now(), SETTLE_LIMIT_S);
  if (drain.backlogAtStop > 0) progress(`${what}: waited ${fmt(drain.seconds, 1)} s for ${drain.backlogAtStop} pending inbox rows`);
  if (!drain.drained) throw new Error(`${what}: the inbox still has pending rows after ${SETTLE_LIMIT_S} s; the processors are stuck`);
}

async function verify(db: BenchDatabase, factory: WebhookFactory, indices: number[]): Promise<Verification> {
  return db.verify(
    indices.map((index) => factory.eventId(index)),
    indices.map((index) => factory.keyId(index)),
  );
}

async function measureApp(
  phase: Phase,
  app: ServiceProcess,
  db: BenchDatabase,
  pool: WebhookPool,
  url: string,
  connections: number,
  duration: number,
  rate?: number,
): Promise<AppPhase> {
  progress(`${phase} app: ${describeRate(connections, rate)}, warm-up ${WARMUP_S} s (then its backlog drains), then ${duration} s measured`);
  const spec = { url, connections, overallRate: rate, next: () => pool.next() };
  const warmup = await load(app, { ...spec, durationSeconds: WARMUP_S });
  await settle(db, `${phase} warm-up`);
  const measured = await load(app, { ...spec, durationSeconds: duration });
  printRun(phase, 'app', measured);
  progress(`${phase} app: load stopped; waiting for the backlog (at most ${DRAIN_LIMIT_S} s)`);
  const drainCpuBefore = sampleCpu(app.pid, run.databaseName);
  const drain = await waitForDrain(db, measured.endedAt, DRAIN_LIMIT_S);
  drain.cpu = cpuDelta(drainCpuBefore, sampleCpu(app.pid, run.databaseName));
  const verification = await verify(db, pool.factory, [...warmup.acceptedIndices, ...measured.acceptedIndices]);
  printDrain(phase, drain, verification);
  printCpu(phase, 'app', measured);
  if (drain.cpu && drain.backlogAtStop > 0 && drain.seconds > 0) {
    const perRow = (value: number): string => `${fmt((value * 1000) / drain.backlogAtStop, 3)} ms`;
    out(
      `${phase.padEnd(10)}  app   drain: ${fmt(drain.backlogAtStop / drain.seconds, 0)} inbox rows/s; cpu ${cpuLine(drain.cpu, drain.seconds, 'app')}; ` +
        `per row: app ${perRow(drain.cpu.app)}, postgres ${perRow(drain.cpu.postgresBench)}`,
    );
    if (othersOf(drain.cpu) / drain.seconds > NOISY_OTHERS_SHARE) noisyRuns.push(`${phase} drain`);
  }
  // Whatever is still pending must not spill into the next run.
  await settle(db, `${phase} after the measurement`);
  return { warmup, measured, drain, verification };
}

// ---------------------------------------------------------------- printing

function printRun(phase: Phase, target: 'bare' | 'app', run: RunResult): void {
  out(
    `${phase.padEnd(10)}  ${target.padEnd(4)}  accepted/s=${fmt(run.acceptedPerS, 1)}  req/s=${fmt(run.rps, 1)}  p50=${fmt(run.p50Ms)}ms  ` +
      `p99=${fmt(run.p99Ms)}ms  max=${fmt(run.maxMs)}ms  accepted=${run.accepted}  responses=${run.requests}  non2xx=${run.non2xx}  ` +
      `errors=${run.errors}  timeouts=${run.timeouts}`,
  );
  const other = Object.entries(run.other2xx);
  if (other.length > 0) out(`  note: 200 without "accepted": ${other.map(([body, count]) => `${body}×${count}`).join(', ')}`);
  if (run.non2xx > 0) {
    const codes = Object.entries(run.statusCodes)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, count]) => `${code}×${count}`)
      .join(', ');
    out(`  !! INVALID: ${run.non2xx} non-2xx responses (${codes})`);
  }
  if (run.errors > 0) out(`  !! INVALID: ${run.errors} connection errors (${run.timeouts} of them timeouts)`);
  if (run.requests === 0) out('  !! INVALID: no response at all');
}

function lostOf(verification: Verification): number {
  return verification.noInboxRow + verification.noMessage;
}

function printDrain(phase: Phase, drain: Drain, verification: Verification): void {
  const status = Object.entries(verification.inboxStatus)
    .map(([name, count]) => `${name}=${count}`)
    .join(' ');
  out(
    `${phase.padEnd(10)}  app   backlog at load stop=${drain.backlogAtStop}  ` +
      (drain.drained ? `drained in ${fmt(drain.seconds, 1)} s` : `NOT drained after ${fmt(drain.seconds, 1)} s`),
  );
  out(
    `${phase.padEnd(10)}  app   verify (warm-up + measured): accepted=${verification.checked}  with inbox row=${verification.checked - verification.noInboxRow} (${status})  ` +
      `messages=${verification.checked - verification.noMessage}  inbox duplicates=${verification.inboxDuplicates}  ` +
      `message duplicates=${verification.messageDuplicates}  lost=${lostOf(verification)} (no inbox row=${verification.noInboxRow}, no message=${verification.noMessage})`,
  );
}

/** Another process using more than this share of one core during a run makes its figures suspect. */
const NOISY_OTHERS_SHARE = 0.15;

function cpuLine(cpu: CpuGroups, seconds: number, server: 'bare' | 'app'): string {
  const pct = (value: number): string => `${fmt((value / seconds) * 100, 0)}%`;
  const parts = [`${server} ${pct(cpu.app)}`];
  if (server === 'app') parts.push(`postgres backends ${pct(cpu.postgresBench)}`, `postgres background ${pct(cpu.postgresBackground)}`, `redis ${pct(cpu.redis)}`);
  parts.push(`bench/autocannon ${pct(cpu.bench)}`, `other processes ${pct(othersOf(cpu))}`, `irq/softirq ${pct(cpu.irq)}`);
  if (cpu.steal > 0.01 * seconds) parts.push(`stolen by the hypervisor ${pct(cpu.steal)}`);
  parts.push(`machine busy ${pct(cpu.machine + cpu.irq)} of ${cpus().length * 100}%`);
  return parts.join(', ');
}

function printCpu(phase: Phase, server: 'bare' | 'app', run: RunResult): void {
  const perWebhook = (value: number): string => `${fmt((value * 1000) / Math.max(1, run.accepted), 3)} ms`;
  const per = server === 'app' ? `${perWebhook(run.cpu.app)} app + ${perWebhook(run.cpu.postgresBench)} postgres` : perWebhook(run.cpu.app);
  out(`${phase.padEnd(10)}  ${server.padEnd(4)}  cpu (100% = one core): ${cpuLine(run.cpu, run.durationSeconds, server)}; per accepted webhook ${per}`);
  const others = othersOf(run.cpu) / run.durationSeconds;
  if (others > NOISY_OTHERS_SHARE) {
    out(`  !! NOISY: other processes used ${fmt(others * 100, 0)}% of a core during this run; its figures understate this machine`);
    noisyRuns.push(`${phase} ${server}`);
  }
}

const noisyRuns: string[] = [];

function ratioPct(app: number, bare: number): number {
  return bare > 0 ? Math.round((app / bare) * 1000) / 10 : Number.NaN;
}

function status(valid: boolean, pass: boolean): Status {
  if (!valid) return 'INVALID';
  return pass ? 'PASS' : 'FAIL';
}

function runJson(run: RunResult): Record<string, unknown> {
  return {
    accepted_per_s: run.acceptedPerS,
    rps: run.rps,
    p50_ms: run.p50Ms,
    p90_ms: run.p90Ms,
    p99_ms: run.p99Ms,
    mean_ms: run.meanMs,
    max_ms: run.maxMs,
    accepted: run.accepted,
    sent: run.sent,
    responses: run.requests,
    duration_s: run.durationSeconds,
    other_2xx: run.other2xx,
    non2xx: run.non2xx,
    errors: run.errors,
    timeouts: run.timeouts,
    status_codes: run.statusCodes,
    cpu_s: Object.fromEntries(
      Object.entries({ ...run.cpu, others: othersOf(run.cpu) }).map(([name, value]) => [name, Math.round(value * 100) / 100]),
    ),
    valid: run.valid,
  };
}

function appPhaseJson(phase: AppPhase): Record<string, unknown> {
  const v = phase.verification;
  return {
    ...runJson(phase.measured),
    warmup: { accepted: phase.warmup.accepted, accepted_per_s: phase.warmup.acceptedPerS, valid: phase.warmup.valid },
    backlog_at_stop: phase.drain.backlogAtStop,
    drained: phase.drain.drained,
    drain_s: phase.drain.seconds,
    drain_cpu_s: phase.drain.cpu
      ? Object.fromEntries(Object.entries({ ...phase.drain.cpu, others: othersOf(phase.drain.cpu) }).map(([name, value]) => [name, Math.round(value * 100) / 100]))
      : null,
    verify: {
      accepted: v.checked,
      inbox_rows: v.checked - v.noInboxRow,
      inbox_status: v.inboxStatus,
      messages: v.checked - v.noMessage,
      inbox_duplicates: v.inboxDuplicates,
      message_duplicates: v.messageDuplicates,
      lost: lostOf(v),
      lost_no_inbox_row: v.noInboxRow,
      lost_no_message: v.noMessage,
      lost_no_message_but_settled: v.noMessageSettled,
    },
  };
}

/**
 * This bench measures ingest: webhook → inbox → contacts, conversations, messages. The AI front desk that answers
 * each message has its own bench (`bench:pipeline`), so the clinics here have the bot turned off unless
 * BENCH_BOT=on (then every message also gets an offline AI turn, and a reply sent to WAHA_BASE_URL, where
 * nothing listens).
 */
async function configureBots(database: string, organizationIds: string[]): Promise<void> {
  const enabled = BOT_ON;
  await withConnection(database, async (db) => {
    await db.query(
      `INSERT INTO ai_settings (organization_id, enabled, engine, model, bot_name, tone, debounce_ms, max_debounce_ms,
                                human_idle_handback_minutes, max_model_calls_per_conversation_per_day, history_window)
       SELECT id, $2, 'offline', 'gemini-2.5-flash', 'Clara', 'friendly', 3000, 15000, 120, 50, 12 FROM unnest($1::uuid[]) AS t(id)`,
      [organizationIds, enabled],
    );
  });
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  loadDotEnv();
  const started = new Date();
  const loadAverageAtStart = loadavg().map((value) => Math.round(value * 100) / 100);
  const env: NodeJS.ProcessEnv = { ...process.env };
  nameRun(run, 'ingest');
  const { secretsKeys, clinics } = await prepareRun(run, BUILD_DIR, CLINICS, progress);
  await configureBots(run.databaseName, clinics.map((clinic) => clinic.organizationId));
  const pg = await serverSettings(run.databaseName);
  run.db = await BenchDatabase.open(run.databaseName);
  const db = run.db;

  let t = Date.now();
  const factory = new WebhookFactory(run.tag, clinics.map((clinic) => clinic.session), PATIENTS);
  const pool = new WebhookPool(factory, POOL_SIZE);
  progress(
    `webhooks: ${POOL_SIZE} signed in ${Date.now() - t} ms (${fmt(pool.bodyBytes / POOL_SIZE, 0)} bytes each), ` +
      `${PATIENTS} patients × ${CLINICS} clinics`,
  );

  const appPort = await findFreePort(intFromEnv('BENCH_APP_PORT', 3200));
  const barePort = await findFreePort(intFromEnv('BENCH_BARE_PORT', appPort + 1), [appPort]);
  const appUrl = `http://${LOOPBACK}:${appPort}${WEBHOOK_PATH}`;
  const bareUrl = `http://${LOOPBACK}:${barePort}${WEBHOOK_PATH}`;

  const app = startApp(run, {
    buildDir: BUILD_DIR,
    port: appPort,
    secretsKeys,
    // Nothing listens there: the session monitor's calls fail fast instead of reaching someone's WAHA.
    env: { WAHA_BASE_URL: 'http://127.0.0.1:1' },
  }, progress);
  progress(`bare: Fastify on ${LOOPBACK}:${barePort} (bench/support/bare-server.ts)`);
  const bare = new ServiceProcess('bare', process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), join(ROOT, 'bench/support/bare-server.ts')], {
    cwd: ROOT,
    env: { ...env, BENCH_BARE_PORT: String(barePort), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
  });
  await Promise.all([
    waitForOk(`http://${LOOPBACK}:${appPort}${HEALTH_PATH}`, app, STARTUP_TIMEOUT_MS),
    waitForOk(`http://${LOOPBACK}:${barePort}/`, bare, STARTUP_TIMEOUT_MS),
  ]);

  // One webhook end to end before any load: signed, accepted, processed.
  const smoke = pool.next();
  const response = await fetch(appUrl, { method: 'POST', headers: smoke.headers, body: smoke.body, signal: AbortSignal.timeout(10_000) });
  const answer = await response.text();
  if (response.status !== 200 || answer !== '{"status":"accepted"}') throw new Error(`smoke webhook answered HTTP ${response.status}: ${answer.slice(0, 500)}`);
  const smokeDeadline = Date.now() + 30_000;
  let smokeStatus = await db.statusOf(factory.eventId(smoke.index));
  while (smokeStatus === 'pending' && Date.now() < smokeDeadline) {
    await pause(100);
    smokeStatus = await db.statusOf(factory.eventId(smoke.index));
  }
  if (smokeStatus !== 'processed') throw new Error(`smoke webhook: inbox row is ${smokeStatus ?? 'missing'} after 30 s, expected processed\n${app.stderr}`);
  progress('ready: a signed webhook was accepted and processed');

  const satBare = await measureBare('saturation', bare, pool, bareUrl, SATURATION_CONNECTIONS, SATURATION_DURATION_S);
  const sat = await measureApp('saturation', app, db, pool, appUrl, SATURATION_CONNECTIONS, SATURATION_DURATION_S);
  const satRatio = ratioPct(sat.measured.acceptedPerS, satBare.acceptedPerS);
  out(`saturation  ratio app/bare accepted/s = ${fmt(satRatio, 1)} %`);

  const fixedBare = await measureBare('fixed_rate', bare, pool, bareUrl, FIXED_RATE_CONNECTIONS, FIXED_DURATION_S, FIXED_RATE);
  const fixed = await measureApp('fixed_rate', app, db, pool, appUrl, FIXED_RATE_CONNECTIONS, FIXED_DURATION_S, FIXED_RATE);
  const fixedRatio = ratioPct(fixed.measured.acceptedPerS, fixedBare.acceptedPerS);
  out(`fixed_rate  ratio app/bare accepted/s = ${fmt(fixedRatio, 1)} %   p99 app ${fmt(fixed.measured.p99Ms)} ms vs bare ${fmt(fixedBare.p99Ms)} ms`);
  const sustained = fixed.measured.acceptedPerS >= FIXED_RATE * SUSTAINED_SHARE;
  if (!sustained) out(`  note: the app accepted ${fmt(fixed.measured.acceptedPerS, 1)} webhooks/s, short of the offered ${FIXED_RATE}/s`);

  // Everything the app ever accepted in this run (smoke, warm-ups, measured runs), checked once more at the end.
  const allAccepted = [smoke.index, ...[sat, fixed].flatMap((phase) => [...phase.warmup.acceptedIndices, ...phase.measured.acceptedIndices])];
  const overall = await verify(db, factory, allAccepted);
  const totals: Totals = await db.totals();
  out(
    `totals      accepted=${overall.checked}  inbox rows=${totals.inboxRows} (${Object.entries(totals.inboxByStatus)
      .map(([name, count]) => `${name}=${count}`)
      .join(' ')})  messages=${totals.messages}  contacts=${totals.contacts}  conversations=${totals.conversations}  ` +
      `duplicate event ids=${totals.inboxDuplicateEventIds}  duplicate key ids=${totals.messageDuplicateKeyIds}  ` +
      `payloads not matching their event id=${totals.payloadMismatches}  lost=${lostOf(overall)}`,
  );
  if (pool.signedOnTheFly > 0) out(`  note: the pool of ${POOL_SIZE} ran out; ${pool.signedOnTheFly} webhooks were signed during the load`);

  const satValid = sat.measured.valid;
  const fixedValid = fixed.measured.valid;
  const satStatus = status(satValid, sat.measured.acceptedPerS >= TARGET_ACCEPTED_PER_S);
  const p99Status = status(fixedValid, sustained && fixed.measured.p99Ms <= TARGET_P99_MS);
  const lost = lostOf(overall);
  // A row holding another webhook's payload is a lost webhook too, even if the counts add up.
  const lostStatus: Status = lost === 0 && totals.payloadMismatches === 0 ? 'PASS' : 'FAIL';
  const duplicates = overall.inboxDuplicates + overall.messageDuplicates + totals.inboxDuplicateEventIds + totals.messageDuplicateKeyIds;
  const duplicateStatus: Status = duplicates === 0 ? 'PASS' : 'FAIL';
  const worstDrain = Math.max(sat.drain.seconds, fixed.drain.seconds);
  const drainStatus: Status = sat.drain.drained && fixed.drain.drained && worstDrain <= TARGET_DRAIN_S ? 'PASS' : 'FAIL';
  out(`target  saturation: ≥ ${TARGET_ACCEPTED_PER_S} durable webhooks/s   actual ${fmt(sat.measured.acceptedPerS, 1)}/s   ${satStatus}`);
  out(`target  fixed_rate: p99 ≤ ${TARGET_P99_MS} ms at ${FIXED_RATE} webhooks/s   actual ${fmt(fixed.measured.p99Ms)} ms at ${fmt(fixed.measured.acceptedPerS, 1)}/s   ${p99Status}`);
  out(
    `target  zero lost (accepted without inbox row or message, or stored with another payload)   actual ${lost} of ${overall.checked}` +
      `${totals.payloadMismatches > 0 ? ` + ${totals.payloadMismatches} mismatched payloads` : ''}   ${lostStatus}`,
  );
  out(`target  zero duplicates (inbox rows per event id, messages per key id)   actual ${duplicates}   ${duplicateStatus}`);
  out(
    `target  backlog drained ≤ ${TARGET_DRAIN_S} s after the load stops   actual saturation ${sat.drain.drained ? `${fmt(sat.drain.seconds, 1)} s` : 'not drained'}, ` +
      `fixed_rate ${fixed.drain.drained ? `${fmt(fixed.drain.seconds, 1)} s` : 'not drained'}   ${drainStatus}`,
  );

  const valid = [satBare, sat.measured, fixedBare, fixed.measured].every((result) => result.valid);
  if (noisyRuns.length > 0) out(`note: other processes competed for the CPU during ${noisyRuns.join(', ')}; rerun on a quiet machine`);
  const report = {
    bench: 'ingest',
    started_at: started.toISOString(),
    node: process.version,
    route: `POST ${WEBHOOK_PATH}`,
    config: {
      saturation_connections: SATURATION_CONNECTIONS,
      saturation_s: SATURATION_DURATION_S,
      fixed_rate: FIXED_RATE,
      fixed_rate_connections: FIXED_RATE_CONNECTIONS,
      fixed_rate_s: FIXED_DURATION_S,
      warmup_s: WARMUP_S,
      clinics: CLINICS,
      patients: PATIENTS,
      pool_size: POOL_SIZE,
      signed_on_the_fly: pool.signedOnTheFly,
      body_bytes_avg: Math.round(pool.bodyBytes / POOL_SIZE),
      app_log_level: APP_LOG_LEVEL,
      bot: BOT_ON ? 'on' : 'off',
      postgres: pg,
    },
    saturation: { bare: runJson(satBare), app: appPhaseJson(sat), ratio_pct: satRatio },
    fixed_rate: { bare: runJson(fixedBare), app: appPhaseJson(fixed), ratio_pct: fixedRatio, app_sustained_rate: sustained },
    totals: {
      accepted: overall.checked,
      inbox_rows: totals.inboxRows,
      inbox_by_status: totals.inboxByStatus,
      messages: totals.messages,
      contacts: totals.contacts,
      conversations: totals.conversations,
      duplicate_event_ids: totals.inboxDuplicateEventIds,
      duplicate_key_ids: totals.messageDuplicateKeyIds,
      payload_mismatches: totals.payloadMismatches,
      lost,
      lost_no_inbox_row: overall.noInboxRow,
      lost_no_message: overall.noMessage,
    },
    targets: {
      saturation_accepted_per_s: { threshold: TARGET_ACCEPTED_PER_S, actual: sat.measured.acceptedPerS, status: satStatus },
      fixed_rate_p99: { threshold_ms: TARGET_P99_MS, actual_ms: fixed.measured.p99Ms, status: p99Status },
      zero_lost: { actual: lost, status: lostStatus },
      zero_duplicates: { actual: duplicates, status: duplicateStatus },
      drain: { threshold_s: TARGET_DRAIN_S, saturation_s: sat.drain.seconds, fixed_rate_s: fixed.drain.seconds, status: drainStatus },
    },
    noisy_runs: noisyRuns,
    load_average_at_start: loadAverageAtStart,
    valid,
  };

  progress('stopping the app and the bare server');
  await Promise.all([app.stop(), bare.stop()]);
  out(JSON.stringify(report));
  return valid ? 0 : 2;
}

runBenchMain(main, { cleanUp, progress });
