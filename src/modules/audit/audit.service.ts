import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { Role } from 'src/common/auth/role.enum';
import { Page, toPage } from 'src/common/pagination';
import { RequestContextStore } from 'src/common/request-context/request-context.store';
import { AuditLogEntity, FieldChange } from './audit-log.entity';
import { AuditAction, AuditEntityType } from './audit.constants';
import { AuditLogResponseDto } from './dto/audit-log-response.dto';
import { ListAuditLogsQueryDto } from './dto/list-audit-logs-query.dto';

export interface AuditEntry {
  organizationId: string | null;
  actor?: { userId: string; role?: Role | null } | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  changes?: Record<string, FieldChange> | null;
  metadata?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly auditLogs: Repository<AuditLogEntity>,
  ) {}

  /** Writes one entry; pass the transaction's manager so the entry commits or rolls back with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditLogEntity) : this.auditLogs;
    const request = RequestContextStore.current();
    const log = repository.create({
      organizationId: entry.organizationId,
      actorId: entry.actor?.userId ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: entry.changes && Object.keys(entry.changes).length > 0 ? entry.changes : null,
      metadata: entry.metadata ?? null,
      ip: request?.ip?.slice(0, 64) ?? null,
      requestId: request?.requestId.slice(0, 64) ?? null,
    });
    await repository.save(log);
  }

  async list(actor: AuthUser, query: ListAuditLogsQueryDto): Promise<Page<AuditLogResponseDto>> {
    const qb = this.auditLogs.createQueryBuilder('log');
    // Clinic admins see their own organization only; the platform permission widens the scope.
    if (hasPermission(actor.role, Permission.AuditReadAll)) {
      if (query.organization_id) qb.andWhere('log.organization_id = :org', { org: query.organization_id });
    } else {
      qb.andWhere('log.organization_id = :org', { org: actor.organizationId });
    }
    if (query.actor_id) qb.andWhere('log.actor_id = :actorId', { actorId: query.actor_id });
    if (query.entity_type) qb.andWhere('log.entity_type = :entityType', { entityType: query.entity_type });
    if (query.entity_id) qb.andWhere('log.entity_id = :entityId', { entityId: query.entity_id });
    if (query.action) qb.andWhere('log.action = :action', { action: query.action });
    if (query.from || query.to) {
      qb.andWhere(
        new Brackets((range) => {
          if (query.from) range.andWhere('log.created_at >= :from', { from: query.from });
          // created_at has microseconds but is shown in milliseconds: an entry's own created_at must still match `to`.
          if (query.to) range.andWhere("log.created_at < CAST(:to AS timestamptz) + interval '1 millisecond'", { to: query.to });
        }),
      );
    }
    const [rows, total] = await qb
      .orderBy('log.created_at', 'DESC')
      .addOrderBy('log.id', 'DESC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return toPage(rows.map(AuditLogResponseDto.from), total, query);
  }

}
