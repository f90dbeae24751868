import { ChildProcess, spawn, StdioOptions } from 'node:child_process';

/** Every process the bench started and that may still run; cleaned up on success, error, signal and exit. */
const live = new Set<ChildProcess>();

const TAIL_CHARS = 8_000;

function keepTail(current: string, chunk: Buffer): string {
  const next = current + chunk.toString('utf8');
  return next.length > TAIL_CHARS ? next.slice(next.length - TAIL_CHARS) : next;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface StepOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs a setup command to completion; its output is kept and shown only if it fails. */
export function runStep(command: string, args: readonly string[], options: StepOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = keepTail(output, chunk)));
    child.stderr?.on('data', (chunk: Buffer) => (output = keepTail(output, chunk)));
    child.once('error', (error) => {
      live.delete(child);
      reject(new Error(`${command} ${args.join(' ')}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      live.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? `code ${code}`}\n${output.trimEnd()}`));
    });
  });
}

export interface ServiceOptions extends StepOptions {
  /** What to do with the child's stdout: discard it (the default) or show it. */
  stdout?: 'ignore' | 'inherit';
}

/** A long-running child (the app, the bare server): stdout discarded, the tail of stderr kept for diagnostics. */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private stderrTail = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: ServiceOptions,
  ) {
    // stdin is a pipe the child may watch: it closes when the bench dies, however it dies.
    const stdio: StdioOptions = ['pipe', options.stdout ?? 'ignore', 'pipe'];
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio });
    live.add(this.child);
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = keepTail(this.stderrTail, chunk)));
    this.child.stdin?.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.stderrTail = keepTail(this.stderrTail, Buffer.from(`spawn failed: ${error.message}\n`));
        this.exit ??= { code: null, signal: null };
        live.delete(this.child);
        resolve();
      });
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        live.delete(this.child);
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Null while running; how it ended otherwise. */
  get exitStatus(): string | null {
    if (!this.exit) return null;
    return this.exit.signal ? `signal ${this.exit.signal}` : `code ${this.exit.code}`;
  }

  get stderr(): string {
    return this.stderrTail.trimEnd();
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`. */
  async stop(graceMs = 8_000): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGTERM');
    await Promise.race([this.exited, delay(graceMs)]);
    if (!this.exit) {
      this.child.kill('SIGKILL');
      await Promise.race([this.exited, delay(2_000)]);
    }
  }
}

/** Last resort from `process.on('exit')`: synchronous, so it can only SIGKILL. */
export function killAllNow(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

/** Asks every remaining child to stop, then kills what is left. */
export async function stopAll(graceMs = 5_000): Promise<void> {
  const running = [...live].filter((child) => child.exitCode === null && child.signalCode === null);
  if (running.length === 0) return;
  const exits = running.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
  for (const child of running) child.kill('SIGTERM');
  await Promise.race([Promise.all(exits), delay(graceMs)]);
  killAllNow();
}
