import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { findPage, Page } from 'src/common/pagination';
import { inOrganization } from 'src/common/tenancy/visible-to';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { WahaClient } from '../client/waha.client';
import { WahaClientError } from '../client/waha.errors';
import { WahaSessionInfo } from '../client/waha.types';
import { fromWahaError, sessionNotFound, WahaErrorCode, WahaException } from '../waha.exceptions';
import { ListWhatsappSessionsQueryDto, QrFormat } from './dto/whatsapp-session-input.dto';
import { WhatsappSessionResponseDto } from './dto/whatsapp-session-response.dto';
import { WhatsappSessionAlerts } from './whatsapp-session-alerts.service';
import { WhatsappSessionEntity, WhatsappSessionStatus } from './whatsapp-session.entity';
import { meFields, storedStatus } from './whatsapp-session.rules';

const SORT_COLUMNS = { created_at: 'session.created_at' } as const;

export type SessionQr = { format: 'image'; png: Buffer } | { format: 'raw'; value: string };
export type SessionAction = 'start' | 'stop' | 'restart';

const ACTION_AUDIT: Record<SessionAction, AuditAction> = {
  start: AuditAction.WhatsappSessionStarted,
  stop: AuditAction.WhatsappSessionStopped,
  restart: AuditAction.WhatsappSessionRestarted,
};

/** Bookkeeping written whatever the status ordering says. */
export type SessionCheckFields = Partial<Pick<WhatsappSessionEntity, 'lastCheckedAt' | 'restartAttempts' | 'nextRestartAt'>>;

/** A clinic's WhatsApp numbers: reading them, pairing, start/stop/restart, and WAHA's status reports. */
@Injectable()
export class WhatsappSessionsService {
  constructor(
    @InjectRepository(WhatsappSessionEntity) private readonly sessions: Repository<WhatsappSessionEntity>,
    private readonly waha: WahaClient,
    private readonly audit: AuditService,
    private readonly alerts: WhatsappSessionAlerts,
    private readonly queues: QueueService,
  ) {}

  /** The live session row (any organization), for jobs that already hold its id. */
  findById(organizationId: string, sessionId: string): Promise<WhatsappSessionEntity | null> {
    return this.sessions.findOneBy({ id: sessionId, organizationId });
  }

  /** Live sessions to monitor: all of them, one organization's, or one. */
  findLive(filter: { organizationId?: string; sessionId?: string }): Promise<WhatsappSessionEntity[]> {
    const where: FindOptionsWhere<WhatsappSessionEntity> = {};
    if (filter.organizationId) where.organizationId = filter.organizationId;
    if (filter.sessionId) where.id = filter.sessionId;
    return this.sessions.find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async list(actor: AuthUser, query: ListWhatsappSessionsQueryDto): Promise<Page<WhatsappSessionResponseDto>> {
    const qb = this.sessions.createQueryBuilder('session').where('session.organization_id = :org', { org: actor.organizationId });
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: page.items.map(WhatsappSessionResponseDto.from) };
  }

  async findOne(actor: AuthUser, name: string): Promise<WhatsappSessionResponseDto> {
    return WhatsappSessionResponseDto.from(await this.getVisible(actor, name));
  }

  /** The pairing QR, only while WAHA waits for a scan: our stored status is refreshed from WAHA first. */
  async getQr(actor: AuthUser, name: string, format: QrFormat): Promise<SessionQr> {
    const session = await this.getVisible(actor, name);
    const refreshed = await this.refresh(session);
    if (refreshed.status === WhatsappSessionStatus.Working) throw alreadyConnected();
    try {
      if (format === 'raw') return { format, value: await this.waha.getQrRaw(name) };
      return { format, png: await this.waha.getQrImage(name) };
    } catch (error) {
      // WAHA answers 422 naming the current status when it is not showing a QR.
      if (error instanceof WahaClientError && error.sessionNotReady) {
        if (error.sessionStatus === WhatsappSessionStatus.Working) throw alreadyConnected();
        throw new WahaException(WahaErrorCode.SessionNotPairing, `The number is not waiting for a QR scan (status ${error.sessionStatus})`, {
          status: error.sessionStatus,
        });
      }
      throw fromWahaError(error);
    }
  }

  async act(actor: AuthUser, name: string, action: SessionAction): Promise<WhatsappSessionResponseDto> {
    const session = await this.getVisible(actor, name);
    const at = new Date();
    const info = await this.callWaha(() => this.runAction(name, action));
    // An admin's start or restart is a fresh start: the monitor gets its full restart budget back.
    const reset: SessionCheckFields = action === 'stop' ? {} : { restartAttempts: 0, nextRestartAt: null };
    const updated = await this.recordWahaState(session, info, at, reset);
    await this.audit.record({
      organizationId: actor.organizationId,
      actor,
      action: ACTION_AUDIT[action],
      entityType: AuditEntityType.WhatsappSession,
      entityId: session.id,
      changes: session.status === updated.status ? null : { status: { old: session.status, new: updated.status } },
      metadata: { name },
    });
    return WhatsappSessionResponseDto.from(updated);
  }

  /**
   * A `session.status` webhook event. Events arrive out of order, so it only applies when `at` is newer
   * than the status we hold. WORKING closes the session's alert and restores the restart budget; FAILED
   * raises it and asks the monitor to check (and restart) the session now rather than at its next round.
   */
  async applyStatusEvent(sessionId: string, status: string, me: { id: string; pushName?: string } | null, at: Date): Promise<void> {
    const working = status === WhatsappSessionStatus.Working;
    const result = await this.sessions
      .createQueryBuilder()
      .update(WhatsappSessionEntity)
      .set({
        status: storedStatus(status),
        statusChangedAt: at,
        ...(me ? meFields(me) : {}),
        ...(working ? { restartAttempts: 0, nextRestartAt: null } : {}),
      })
      .where('id = :id AND deleted_at IS NULL', { id: sessionId })
      .andWhere('(status_changed_at IS NULL OR status_changed_at < :at)', { at })
      .returning('id, organization_id, name, display_name')
      .execute();
    const row = (result.raw as Array<{ id: string; organization_id: string; name: string; display_name: string | null }>)[0];
    if (!row) return;
    const session = { id: row.id, organizationId: row.organization_id, name: row.name, displayName: row.display_name };
    if (working) await this.alerts.resolveSession(session);
    if (status === WhatsappSessionStatus.Failed) {
      await this.alerts.reflectStatus(session, status);
      await this.queues.enqueue(
        JobName.CheckWhatsappSessions,
        { organizationId: session.organizationId, sessionId: session.id },
        // Removed once done, so the next FAILED of this session can enqueue its own check.
        { jobId: `check-session-${session.id}`, removeOnComplete: true, removeOnFail: true },
      );
    }
  }

  /**
   * Stores what WAHA said about the session at `at` (taken before the call): the status and paired account
   * only if nothing newer was stored meanwhile (a webhook may have overtaken us); `check` fields always.
   * `info` null records only the check fields.
   */
  async recordWahaState(
    session: WhatsappSessionEntity,
    info: Pick<WahaSessionInfo, 'status' | 'me'> | null,
    at: Date,
    check: SessionCheckFields = {},
  ): Promise<WhatsappSessionEntity> {
    if (Object.keys(check).length > 0) await this.sessions.update({ id: session.id }, check);
    if (info) {
      const status = storedStatus(info.status);
      await this.sessions
        .createQueryBuilder()
        .update(WhatsappSessionEntity)
        .set({
          status,
          // Unchanged status keeps its original change time.
          statusChangedAt: () => 'CASE WHEN status = :status AND status_changed_at IS NOT NULL THEN status_changed_at ELSE :at END',
          ...(info.me?.id ? meFields(info.me) : {}),
        })
        .where('id = :id AND deleted_at IS NULL', { id: session.id })
        .andWhere('(status_changed_at IS NULL OR status_changed_at <= :at)')
        .setParameters({ status, at })
        .execute();
    }
    return (await this.sessions.findOneBy({ id: session.id })) ?? Object.assign(session, check);
  }

  private async refresh(session: WhatsappSessionEntity): Promise<WhatsappSessionEntity> {
    const at = new Date();
    const info = await this.callWaha(() => this.waha.getSession(session.name));
    return this.recordWahaState(session, info, at);
  }

  private runAction(name: string, action: SessionAction): Promise<WahaSessionInfo> {
    switch (action) {
      case 'start':
        return this.waha.startSession(name);
      case 'stop':
        return this.waha.stopSession(name);
      case 'restart':
        return this.waha.restartSession(name);
    }
  }

  private async callWaha<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw fromWahaError(error);
    }
  }

  private async getVisible(actor: AuthUser, name: string): Promise<WhatsappSessionEntity> {
    const session = await this.sessions.findOneBy(inOrganization<WhatsappSessionEntity>(actor, { name }));
    if (!session) throw sessionNotFound();
    return session;
  }
}

function alreadyConnected(): WahaException {
  return new WahaException(WahaErrorCode.SessionAlreadyConnected, 'The number is already connected; no QR code to scan');
}
