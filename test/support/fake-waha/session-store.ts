import { WahaMe, WahaSessionConfig, WahaSessionInfo, WahaSessionStatus } from 'src/modules/waha/client/waha.types';
import { FakeSession } from 'test/support/fake-waha/fake-waha.types';
import { FAKE_CLINIC_ME } from 'test/support/fake-waha/wire-bodies';

export const SESSION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,54}$/;

/** WAHA's session lifecycle: STOPPED → STARTING → SCAN_QR_CODE (or WORKING once paired); FAILED by hand. */
export class FakeSessionStore {
  private readonly sessions = new Map<string, FakeSession>();
  private readonly pending = new Map<string, { timer: NodeJS.Immediate; settled: Promise<void>; resolve: () => void }>();

  constructor(private readonly onStatusChange: (session: FakeSession) => void) {}

  get(name: string): FakeSession | undefined {
    return this.sessions.get(name);
  }

  list(): FakeSession[] {
    return [...this.sessions.values()];
  }

  create(name: string, start: boolean, config: WahaSessionConfig | null): FakeSession {
    const session: FakeSession = { name, status: 'STOPPED', config, me: null, paired: false, statuses: [] };
    this.sessions.set(name, session);
    this.record(session, 'STOPPED');
    if (start) this.start(session);
    return session;
  }

  /** Like start(), WAHA answers STARTING and moves on right after the response. */
  start(session: FakeSession): void {
    if (session.status === 'WORKING' || session.status === 'SCAN_QR_CODE' || this.pending.has(session.name)) return;
    this.setStatus(session, 'STARTING');
    this.schedule(session, () => this.setStatus(session, session.paired ? 'WORKING' : 'SCAN_QR_CODE'));
  }

  stop(session: FakeSession): void {
    this.cancel(session.name);
    if (session.status !== 'STOPPED') this.setStatus(session, 'STOPPED');
  }

  restart(session: FakeSession): void {
    this.stop(session);
    this.start(session);
  }

  /** Unlinks the device; a running session comes back asking for a new QR. */
  logout(session: FakeSession): void {
    const running = session.status !== 'STOPPED';
    session.paired = false;
    this.stop(session);
    if (running) this.start(session);
  }

  delete(name: string): void {
    this.cancel(name);
    this.sessions.delete(name);
  }

  /** Resolves once a scheduled STARTING transition ran (WAHA waits for the status before a QR or a send). */
  async settle(name: string): Promise<void> {
    await this.pending.get(name)?.settled;
  }

  /** WORKING pairs the session (filling `me`); any other status clears `me`. */
  setStatus(session: FakeSession, status: WahaSessionStatus, me?: WahaMe): void {
    if (status === 'WORKING') session.paired = true;
    session.me = status === 'WORKING' ? (me ?? session.me ?? FAKE_CLINIC_ME) : null;
    session.status = status;
    this.record(session, status);
    this.onStatusChange(session);
  }

  /** Immediate, outside the lifecycle (setSessionStatus from tests). */
  force(session: FakeSession, status: WahaSessionStatus, me?: WahaMe): void {
    this.cancel(session.name);
    this.setStatus(session, status, me);
  }

  clear(): void {
    for (const name of this.pending.keys()) this.cancel(name);
    this.sessions.clear();
  }

  info(session: FakeSession): WahaSessionInfo {
    return {
      name: session.name,
      status: session.status,
      config: session.config,
      me: session.me,
      presence: null,
      timestamps: { activity: session.statuses.at(-1)?.timestamp ?? Date.now() },
      engine: { engine: 'WEBJS' },
    };
  }

  private record(session: FakeSession, status: WahaSessionStatus): void {
    session.statuses = [...session.statuses, { status, timestamp: Date.now() }].slice(-3);
  }

  private schedule(session: FakeSession, transition: () => void): void {
    let resolve = (): void => undefined;
    const settled = new Promise<void>((done) => (resolve = done));
    const timer = setImmediate(() => {
      this.pending.delete(session.name);
      transition();
      resolve();
    });
    this.pending.set(session.name, { timer, settled, resolve });
  }

  private cancel(name: string): void {
    const pending = this.pending.get(name);
    if (!pending) return;
    clearImmediate(pending.timer);
    this.pending.delete(name);
    pending.resolve();
  }
}
