import { WahaMe } from '../client/waha.types';
import { WhatsappSessionEntity, WhatsappSessionStatus } from './whatsapp-session.entity';

export const SESSION_LABEL_PATTERN = /^[a-z0-9-]{1,30}$/;
export const DEFAULT_SESSION_LABEL = 'main';
/** WAHA's own rule for session names. */
export const WAHA_SESSION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,54}$/;

// 12 hex digits of the organization id (48 random bits of a v4 uuid): short enough to read in WAHA's
// dashboard, long enough that two clinics practically never share a prefix (8 digits would collide
// with ~1e-4 odds at 1,000 clinics, and the loser would get a baffling 409 for a label it never used).
const ORGANIZATION_PREFIX_LENGTH = 12;

/**
 * The WAHA session name of a clinic's number. WAHA's namespace is shared by every clinic, so the name is
 * ours, never the client's: the organization prefix keeps clinics from colliding or guessing each other's.
 */
export function wahaSessionName(organizationId: string, label: string): string {
  if (!SESSION_LABEL_PATTERN.test(label)) throw new Error(`Invalid session label "${label}"`);
  const prefix = organizationId.replace(/-/g, '').slice(0, ORGANIZATION_PREFIX_LENGTH).toLowerCase();
  const name = `${prefix}-${label}`;
  if (!WAHA_SESSION_NAME_PATTERN.test(name)) throw new Error(`Cannot build a WAHA session name from organization "${organizationId}"`);
  return name;
}

const RESTART_BASE_DELAY_MS = 60_000;
const RESTART_MAX_DELAY_MS = 3_600_000;

/** Wait after the `attempts`-th automatic restart before the next one: 1 min × 2^attempts, capped at 1 h. */
export function restartDelayMs(attempts: number): number {
  return Math.min(RESTART_BASE_DELAY_MS * 2 ** Math.max(0, attempts), RESTART_MAX_DELAY_MS);
}

export interface RestartState {
  restartAttempts: number;
  nextRestartAt: Date | null;
}

/** A FAILED session is restarted while attempts remain and its backoff has elapsed. */
export function isRestartDue(state: RestartState, now: Date, maxAttempts: number): boolean {
  if (state.restartAttempts >= maxAttempts) return false;
  return state.nextRestartAt === null || now.getTime() >= state.nextRestartAt.getTime();
}

/** The restart bookkeeping after one more automatic restart at `now`. */
export function afterRestart(state: RestartState, now: Date): RestartState {
  return { restartAttempts: state.restartAttempts + 1, nextRestartAt: new Date(now.getTime() + restartDelayMs(state.restartAttempts)) };
}

/**
 * How the monitor reads a status:
 * - `working`: WORKING, nothing to do (an open alert is resolved);
 * - `down`: FAILED (auth lost, WAHA crashed the engine) or STOPPED (nobody receives the clinic's messages),
 *   critical; only FAILED is restarted automatically, since STOPPED may be an admin's choice;
 * - `needs-pairing`: SCAN_QR_CODE, or a status we do not know (2026.7.1's passkey statuses): a person
 *   must act on the phone, a warning;
 * - `transient`: STARTING, left alone until the next check.
 */
export type SessionHealth = 'working' | 'down' | 'needs-pairing' | 'transient';

export function sessionHealth(status: string): SessionHealth {
  switch (status) {
    case WhatsappSessionStatus.Working:
      return 'working';
    case WhatsappSessionStatus.Failed:
    case WhatsappSessionStatus.Stopped:
      return 'down';
    case WhatsappSessionStatus.Starting:
      return 'transient';
    default:
      return 'needs-pairing';
  }
}

const STATUS_MAX_LENGTH = 40;

/** A WAHA status as stored (the column is bounded; unknown future statuses are kept as they come). */
export function storedStatus(status: string): string {
  return status.slice(0, STATUS_MAX_LENGTH);
}

/** The paired account's columns, from WAHA's `me`. */
export function meFields(me: Pick<WahaMe, 'id' | 'pushName'>): Pick<WhatsappSessionEntity, 'meId' | 'mePushName'> {
  return { meId: me.id.slice(0, 64), mePushName: me.pushName ? me.pushName.slice(0, 120) : null };
}
