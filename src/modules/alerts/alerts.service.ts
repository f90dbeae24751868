import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { findPage, Page } from 'src/common/pagination';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { AlertEntity, AlertSeverity, AlertStatus, AlertType } from './alert.entity';
import { AlertErrorCode, AlertException } from './alerts.exceptions';
import { AlertResponseDto } from './dto/alert-response.dto';
import { ListAlertsQueryDto } from './dto/list-alerts-query.dto';

const SORT_COLUMNS = { created_at: 'alert.created_at', last_seen_at: 'alert.last_seen_at' } as const;

export interface RaiseAlert {
  type: AlertType;
  severity: AlertSeverity;
  title: string;
  /** Same key while open = same problem: it is counted, not duplicated. */
  dedupeKey: string;
  details?: Record<string, unknown>;
}

@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    @InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>,
    private readonly audit: AuditService,
  ) {}

  /** Opens the alert, or bumps the open one with the same key; returns true when it was newly opened. */
  async raise(organizationId: string, alert: RaiseAlert): Promise<boolean> {
    const rows: { inserted: boolean }[] = await this.alerts.query(
      `INSERT INTO alerts (organization_id, type, severity, title, details, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organization_id, dedupe_key) WHERE status = 'open'
       DO UPDATE SET occurrences = alerts.occurrences + 1, last_seen_at = now(), severity = EXCLUDED.severity,
                     title = EXCLUDED.title, details = EXCLUDED.details, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [organizationId, alert.type, alert.severity, alert.title, JSON.stringify(alert.details ?? {}), alert.dedupeKey],
    );
    const opened = rows[0]?.inserted === true;
    if (opened) this.logger.warn({ organizationId, type: alert.type, dedupeKey: alert.dedupeKey }, 'alert raised');
    return opened;
  }

  /** Closes the open alert with this key, if any (the problem went away). */
  async resolveByKey(organizationId: string, dedupeKey: string): Promise<boolean> {
    const result = await this.alerts.update(
      { organizationId, dedupeKey, status: AlertStatus.Open },
      { status: AlertStatus.Resolved, resolvedAt: () => 'now()' },
    );
    const resolved = (result.affected ?? 0) > 0;
    if (resolved) this.logger.log({ organizationId, dedupeKey }, 'alert resolved');
    return resolved;
  }

  /** The caller's organization's alerts; super admins see every organization's (optionally one). */
  async list(actor: AuthUser, query: ListAlertsQueryDto): Promise<Page<AlertResponseDto>> {
    const qb = this.alerts.createQueryBuilder('alert');
    if (!seesAllOrganizations(actor)) qb.andWhere('alert.organization_id = :org', { org: actor.organizationId });
    else if (query.organization_id) qb.andWhere('alert.organization_id = :org', { org: query.organization_id });
    if (query.status) qb.andWhere('alert.status = :status', { status: query.status });
    if (query.type) qb.andWhere('alert.type = :type', { type: query.type });
    if (query.severity) qb.andWhere('alert.severity = :severity', { severity: query.severity });
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: page.items.map(AlertResponseDto.from) };
  }

  /** A person closes an alert by hand; if the problem is seen again, a new alert opens. */
  async resolve(actor: AuthUser, id: string): Promise<AlertResponseDto> {
    const scope: FindOptionsWhere<AlertEntity> = seesAllOrganizations(actor) ? { id } : { id, organizationId: actor.organizationId };
    return this.alerts.manager.transaction(async (manager) => {
      const repository = manager.getRepository(AlertEntity);
      // One conditional update, so two people resolving at once get one 200 and one 409.
      const result = await repository.update({ ...scope, status: AlertStatus.Open }, { status: AlertStatus.Resolved, resolvedAt: () => 'now()' });
      const alert = await repository.findOneBy(scope);
      if (!alert) throw new AlertException(AlertErrorCode.NotFound, 'Alert not found');
      if ((result.affected ?? 0) === 0) throw new AlertException(AlertErrorCode.AlreadyResolved, 'Alert is already resolved');
      await this.audit.record(
        {
          organizationId: alert.organizationId,
          actor,
          action: AuditAction.AlertResolved,
          entityType: AuditEntityType.Alert,
          entityId: alert.id,
          metadata: { type: alert.type, dedupe_key: alert.dedupeKey },
        },
        manager,
      );
      return AlertResponseDto.from(alert);
    });
  }
}

function seesAllOrganizations(actor: Pick<AuthUser, 'role'>): boolean {
  return hasPermission(actor.role, Permission.AlertsReadAll);
}
