/**
 * CPU time per process group from /proc (Linux), so a run can say where the machine's cores went: the server
 * under load (the app or the bare server), PostgreSQL's backends for the bench database, PostgreSQL's
 * background processes (WAL writer, checkpointer, autovacuum…), Redis, the bench itself (autocannon), and
 * everything else on the machine (someone else's tests make a run unrepresentative). Best effort: without
 * /proc every figure is NaN.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ; 100 on every Linux this bench runs on

type Group = 'app' | 'postgresBench' | 'postgresBackground' | 'redis';

export interface CpuGroups {
  /** The server under load: the app, or the bare server in a bare run. */
  app: number;
  postgresBench: number;
  postgresBackground: number;
  redis: number;
  bench: number;
  /** Time all cores together spent running processes, whoever they belong to (user + nice + system, /proc/stat). */
  machine: number;
  /** Interrupt and softirq time (for loopback traffic mostly the network stack), not charged to any process. */
  irq: number;
  /** Time the hypervisor gave this VM's vCPUs to someone else. */
  steal: number;
}

export interface CpuSample {
  perPid: Map<string, { group: Group; ticks: number }>;
  benchSeconds: number;
  machine: { process: number; irq: number; steal: number };
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function ticksOf(pid: string): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command name (which may contain spaces) start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function machineTicks(): { process: number; irq: number; steal: number } {
  const line = read('/proc/stat').split('\n')[0];
  if (!line.startsWith('cpu ')) return { process: Number.NaN, irq: Number.NaN, steal: Number.NaN };
  // cpu user nice system idle iowait irq softirq steal …
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return { process: user + nice + system, irq: irq + softirq, steal };
}

function groupOf(pid: string, serverPid: number | undefined, databaseName: string): Group | null {
  if (serverPid !== undefined && pid === String(serverPid)) return 'app';
  const name = read(`/proc/${pid}/comm`).trim();
  if (name === 'redis-server') return 'redis';
  if (name !== 'postgres') return null;
  const title = read(`/proc/${pid}/cmdline`).replace(/\0/g, ' ').trim();
  // Backends are titled "postgres: <user> <database> <client> <state>"; background ones "postgres: 15/main: walwriter".
  if (title.includes(` ${databaseName} `)) return 'postgresBench';
  if (/^postgres: \d+\/\w+: /.test(title) || !title.startsWith('postgres: ')) return 'postgresBackground';
  return null; // another database's backend: counted under "others"
}

export function sampleCpu(serverPid: number | undefined, databaseName: string): CpuSample {
  const perPid = new Map<string, { group: Group; ticks: number }>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    // not Linux: figures stay NaN
  }
  for (const pid of pids) {
    const group = groupOf(pid, serverPid, databaseName);
    if (group) perPid.set(pid, { group, ticks: ticksOf(pid) });
  }
  const own = process.cpuUsage();
  const nan = { process: Number.NaN, irq: Number.NaN, steal: Number.NaN };
  return { perPid, benchSeconds: (own.user + own.system) / 1e6, machine: pids.length > 0 ? machineTicks() : nan };
}

/** CPU seconds per group between two samples (a process that exited in between loses its last share). */
export function cpuDelta(before: CpuSample, after: CpuSample): CpuGroups {
  const groups = { app: 0, postgresBench: 0, postgresBackground: 0, redis: 0 };
  if (after.perPid.size === 0) {
    const nan = Number.NaN;
    return { app: nan, postgresBench: nan, postgresBackground: nan, redis: nan, bench: nan, machine: nan, irq: nan, steal: nan };
  }
  for (const [pid, { group, ticks }] of after.perPid) groups[group] += ticks - (before.perPid.get(pid)?.ticks ?? 0);
  return {
    app: groups.app / TICKS_PER_SECOND,
    postgresBench: groups.postgresBench / TICKS_PER_SECOND,
    postgresBackground: groups.postgresBackground / TICKS_PER_SECOND,
    redis: groups.redis / TICKS_PER_SECOND,
    bench: after.benchSeconds - before.benchSeconds,
    machine: (after.machine.process - before.machine.process) / TICKS_PER_SECOND,
    irq: (after.machine.irq - before.machine.irq) / TICKS_PER_SECOND,
    steal: (after.machine.steal - before.machine.steal) / TICKS_PER_SECOND,
  };
}

/** CPU used by processes outside the bench's own groups (other people's tests, builds…). */
export function othersOf(cpu: CpuGroups): number {
  return Math.max(0, cpu.machine - cpu.app - cpu.postgresBench - cpu.postgresBackground - cpu.redis - cpu.bench);
}
