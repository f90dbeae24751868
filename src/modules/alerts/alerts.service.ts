import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AlertEntity, AlertSeverity, AlertStatus, AlertType } from './alert.entity';

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

  constructor(@InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>) {}

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
}
