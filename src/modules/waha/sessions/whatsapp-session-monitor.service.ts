import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { wahaConfig } from 'src/config/waha.config';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { WahaClient } from '../client/waha.client';
import { isWahaError } from '../client/waha.errors';
import { WahaSessionInfo } from '../client/waha.types';
import { isWahaNotFound, isWahaUnavailable } from '../waha.exceptions';
import { WhatsappSessionAlerts } from './whatsapp-session-alerts.service';
import { WhatsappSessionEntity, WhatsappSessionStatus } from './whatsapp-session.entity';
import { afterRestart, isRestartDue, RestartState } from './whatsapp-session.rules';
import { SessionCheckFields, WhatsappSessionsService } from './whatsapp-sessions.service';

export interface SessionCheckSummary {
  checked: number;
  restarted: number;
  /** Sessions WAHA could not be asked about (down, 5xx, timeout). */
  unavailable: number;
}

type CheckOutcome = 'answered' | 'restarted' | 'unavailable' | 'failed';

// Once WAHA does not even answer, asking again for every other session only multiplies the timeout.
const GIVE_UP_KINDS = new Set(['unreachable', 'timeout']);

/**
 * Watches every clinic's number: stores WAHA's status, restarts FAILED sessions with bounded exponential
 * backoff and keeps the alerts in step (see `sessionHealth` for what counts as down). One bad session
 * never stops the round; a silent WAHA raises one platform alert plus one per affected clinic.
 */
@Injectable()
export class WhatsappSessionMonitorService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WhatsappSessionMonitorService.name);

  constructor(
    private readonly sessions: WhatsappSessionsService,
    private readonly waha: WahaClient,
    private readonly alerts: WhatsappSessionAlerts,
    private readonly queues: QueueService,
    @Inject(wahaConfig.KEY) private readonly config: ConfigType<typeof wahaConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.schedule(JobName.CheckWhatsappSessions, {}, this.config.sessionCheckIntervalMs);
  }

  /** Checks every live session, one organization's, or one session (after a FAILED event). */
  async check(payload: JobPayloads[JobName.CheckWhatsappSessions]): Promise<SessionCheckSummary> {
    const sessions = await this.sessions.findLive(payload);
    const summary: SessionCheckSummary = { checked: 0, restarted: 0, unavailable: 0 };
    const answeredOrgs = new Set<string>();
    const unavailableOrgs = new Set<string>();
    let unavailableReason: string | null = null;
    for (const session of sessions) {
      if (unavailableReason !== null && GIVE_UP_KINDS.has(unavailableReason)) {
        unavailableOrgs.add(session.organizationId);
        summary.unavailable += 1;
        continue;
      }
      const { outcome, reason } = await this.checkSafely(session);
      summary.checked += 1;
      if (outcome === 'unavailable') {
        unavailableOrgs.add(session.organizationId);
        unavailableReason = reason;
        summary.unavailable += 1;
      } else if (outcome !== 'failed') {
        answeredOrgs.add(session.organizationId);
        if (outcome === 'restarted') summary.restarted += 1;
      }
    }
    await this.reportReachability(answeredOrgs, unavailableOrgs, unavailableReason, sessions.length === 0 && !payload.organizationId && !payload.sessionId);
    this.logger.log({ ...summary, scope: payload }, 'whatsapp sessions checked');
    return summary;
  }

  private async checkSafely(session: WhatsappSessionEntity): Promise<{ outcome: CheckOutcome; reason: string | null }> {
    try {
      return { outcome: await this.checkOne(session), reason: null };
    } catch (error) {
      if (isWahaUnavailable(error)) return { outcome: 'unavailable', reason: isWahaError(error) ? error.kind : 'unknown' };
      this.logger.warn({ err: error, sessionId: session.id, organizationId: session.organizationId }, 'whatsapp session check failed');
      return { outcome: 'failed', reason: null };
    }
  }

  private async checkOne(session: WhatsappSessionEntity): Promise<CheckOutcome> {
    const at = new Date();
    let info: WahaSessionInfo;
    try {
      info = await this.waha.getSession(session.name);
    } catch (error) {
      if (!isWahaNotFound(error)) throw error;
      // Status is left alone: nothing says what the number is doing, and the alert tells a person to look.
      await this.sessions.recordWahaState(session, null, at, { lastCheckedAt: at });
      await this.alerts.missingInWaha(session);
      return 'answered';
    }
    const observed = info.status;
    const check: SessionCheckFields = { lastCheckedAt: at };
    if (observed === WhatsappSessionStatus.Working) Object.assign(check, { restartAttempts: 0, nextRestartAt: null });
    if (observed !== WhatsappSessionStatus.Failed) {
      await this.sessions.recordWahaState(session, info, at, check);
      await this.alerts.reflectStatus(session, observed);
      return 'answered';
    }
    return this.handleFailed(session, info, at, check);
  }

  private async handleFailed(session: WhatsappSessionEntity, info: WahaSessionInfo, at: Date, check: SessionCheckFields): Promise<CheckOutcome> {
    const max = this.config.maxRestartAttempts;
    const due = isRestartDue(session, at, max);
    const budget: RestartState = due ? afterRestart(session, at) : { restartAttempts: session.restartAttempts, nextRestartAt: session.nextRestartAt };
    // The attempt is counted before WAHA is asked, so a crash mid-restart still spends the budget.
    await this.sessions.recordWahaState(session, info, at, { ...check, ...budget });
    await this.alerts.reflectStatus(session, info.status, {
      restart_attempts: budget.restartAttempts,
      max_restart_attempts: max,
      automatic_restarts_exhausted: budget.restartAttempts >= max,
      next_restart_at: budget.restartAttempts >= max ? null : budget.nextRestartAt?.toISOString() ?? null,
    });
    if (!due) return 'answered';
    const restartedAt = new Date();
    const restarted = await this.waha.restartSession(session.name);
    await this.sessions.recordWahaState(session, restarted, restartedAt);
    this.logger.warn({ sessionId: session.id, organizationId: session.organizationId, attempt: budget.restartAttempts }, 'failed whatsapp session restarted');
    return 'restarted';
  }

  private async reportReachability(answered: Set<string>, unavailable: Set<string>, reason: string | null, probe: boolean): Promise<void> {
    if (unavailable.size > 0) {
      await this.alerts.wahaUnreachable(unavailable, reason ?? 'unknown');
      const recovered = [...answered].filter((organizationId) => !unavailable.has(organizationId));
      if (recovered.length > 0) await this.alerts.wahaReachable(recovered, { includePlatform: false });
      return;
    }
    if (answered.size > 0) {
      await this.alerts.wahaReachable(answered);
      return;
    }
    // No session to ask: a ping keeps the platform alert honest after the last number was deleted.
    if (probe) await this.probe();
  }

  private async probe(): Promise<void> {
    try {
      await this.waha.ping();
      await this.alerts.wahaReachable([]);
    } catch (error) {
      if (!isWahaUnavailable(error)) throw error;
      await this.alerts.wahaUnreachable([], isWahaError(error) ? error.kind : 'unknown');
    }
  }
}
