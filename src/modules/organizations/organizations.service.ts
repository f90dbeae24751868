import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { escapeLike } from 'src/database/escape-like';
import { findPage, Page } from 'src/common/pagination';
import { JsonCache } from 'src/common/redis/json-cache';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { diffChanges } from 'src/modules/audit/diff-changes';
import { ListOrganizationsQueryDto, NewOrganizationDto, SuspendOrganizationDto, UpdateOrganizationDto } from './dto/manage-organization.dto';
import { UpdateMyOrganizationDto } from './dto/organization-settings.dto';
import { OrganizationResponseDto } from './dto/organization-response.dto';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, OrganizationEntity, OrganizationStatus } from './organization.entity';
import { OrganizationErrorCode, OrganizationException } from './organizations.exceptions';
import { PlanCode } from './plan.entity';
import { PlansService } from './plans.service';

/** What the auth guard needs on every request, cached in Redis. */
export interface OrganizationAccessState {
  status: OrganizationStatus;
}

export interface OrganizationMessagingSettings {
  timezone: string;
  locale: string;
  sendRatePerMinute: number | null;
  minChatGapMs: number | null;
}

const ACCESS_STATE_TTL_SECONDS = 300;
const SORT_COLUMNS = { created_at: 'org.created_at', name: 'org.name' } as const;

@Injectable()
export class OrganizationsService {
  private readonly accessStates: JsonCache<OrganizationAccessState>;
  private platformId: string | undefined;

  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    @Inject(REDIS_CLIENT) redis: Redis,
    keys: RedisConnectionFactory,
  ) {
    this.accessStates = new JsonCache(redis, (id) => keys.key('auth', 'org', id), ACCESS_STATE_TTL_SECONDS);
  }

  /** Creates a clinic inside the caller's transaction (registration and super-admin onboarding). */
  async createInTransaction(manager: EntityManager, dto: NewOrganizationDto, actor: AuthUser | null): Promise<OrganizationEntity> {
    const plan = await this.plans.get(dto.plan ?? PlanCode.Free);
    const organization = await manager.getRepository(OrganizationEntity).save(
      manager.getRepository(OrganizationEntity).create({
        name: dto.name,
        plan: plan.code,
        timezone: dto.timezone ?? DEFAULT_TIMEZONE,
        locale: dto.locale ?? DEFAULT_LOCALE,
        status: OrganizationStatus.Active,
      }),
    );
    await this.audit.record(
      {
        organizationId: organization.id,
        actor,
        action: AuditAction.OrganizationCreated,
        entityType: AuditEntityType.Organization,
        entityId: organization.id,
        metadata: { name: organization.name, plan: organization.plan },
      },
      manager,
    );
    return organization;
  }

  async list(query: ListOrganizationsQueryDto): Promise<Page<OrganizationResponseDto>> {
    const qb = this.organizations.createQueryBuilder('org').where('org.is_platform = false');
    if (query.status) qb.andWhere('org.status = :status', { status: query.status });
    if (query.plan) qb.andWhere('org.plan = :plan', { plan: query.plan });
    if (query.search) qb.andWhere('org.name ILIKE :search', { search: `%${escapeLike(query.search)}%` });
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: await Promise.all(page.items.map((row) => this.toResponse(row))) };
  }

  async findOne(id: string): Promise<OrganizationResponseDto> {
    return this.toResponse(await this.getClinic(id));
  }

  async findMine(actor: AuthUser): Promise<OrganizationResponseDto> {
    const organization = await this.organizations.findOneBy({ id: actor.organizationId });
    if (!organization) throw notFound();
    return this.toResponse(organization);
  }

  async updateMine(actor: AuthUser, dto: UpdateMyOrganizationDto): Promise<OrganizationResponseDto> {
    return this.applyUpdate(actor, actor.organizationId, dto);
  }

  async update(actor: AuthUser, id: string, dto: UpdateOrganizationDto): Promise<OrganizationResponseDto> {
    await this.getClinic(id);
    if (dto.plan) await this.plans.get(dto.plan);
    return this.applyUpdate(actor, id, dto);
  }

  async suspend(actor: AuthUser, id: string, dto: SuspendOrganizationDto): Promise<OrganizationResponseDto> {
    const organization = await this.getClinic(id);
    if (organization.status === OrganizationStatus.Suspended) {
      throw new OrganizationException(OrganizationErrorCode.AlreadySuspended, 'Organization is already suspended');
    }
    return this.changeStatus(actor, organization, OrganizationStatus.Suspended, dto.reason);
  }

  async reactivate(actor: AuthUser, id: string): Promise<OrganizationResponseDto> {
    const organization = await this.getClinic(id);
    if (organization.status !== OrganizationStatus.Suspended) {
      throw new OrganizationException(OrganizationErrorCode.NotSuspended, 'Organization is not suspended');
    }
    return this.changeStatus(actor, organization, OrganizationStatus.Active, null);
  }

  /** Cached per request by the auth guard; refreshed right after every status change. */
  getAccessState(organizationId: string): Promise<OrganizationAccessState | null> {
    return this.accessStates.get(organizationId, (id) => this.loadAccessState(id));
  }

  /** The Redis key of the cached state, so the auth guard can batch it with other keys in one MGET. */
  accessStateKey(organizationId: string): string {
    return this.accessStates.keyOf(organizationId);
  }

  resolveAccessState(organizationId: string, raw: string | null): Promise<OrganizationAccessState | null> {
    return this.accessStates.resolve(organizationId, raw, (id) => this.loadAccessState(id));
  }

  /** Where platform-wide alerts and records belong. */
  async getPlatformOrganizationId(): Promise<string> {
    this.platformId ??= (await this.organizations.findOneOrFail({ where: { isPlatform: true }, select: { id: true } })).id;
    return this.platformId;
  }

  /** What messaging needs per organization; null fields mean the deployment default. */
  async getMessagingSettings(organizationId: string): Promise<OrganizationMessagingSettings> {
    const organization = await this.organizations.findOne({
      where: { id: organizationId },
      select: { id: true, timezone: true, locale: true, whatsappSendRatePerMinute: true, whatsappMinChatGapMs: true },
    });
    if (!organization) throw notFound();
    return {
      timezone: organization.timezone,
      locale: organization.locale,
      sendRatePerMinute: organization.whatsappSendRatePerMinute,
      minChatGapMs: organization.whatsappMinChatGapMs,
    };
  }

  async getPlanOf(organizationId: string, manager?: EntityManager) {
    const repository = manager ? manager.getRepository(OrganizationEntity) : this.organizations;
    const organization = await repository.findOneBy({ id: organizationId });
    if (!organization) throw notFound();
    return this.plans.get(organization.plan);
  }

  /**
   * Locks the organization row for the rest of the transaction. Serialises checks such as
   * "last admin" and plan limits so two concurrent requests cannot both pass them.
   */
  async lockForUpdate(manager: EntityManager, organizationId: string): Promise<void> {
    await manager.getRepository(OrganizationEntity).createQueryBuilder('org').setLock('pessimistic_write').where('org.id = :id', { id: organizationId }).getOneOrFail();
  }

  private async applyUpdate(actor: AuthUser, id: string, dto: UpdateOrganizationDto): Promise<OrganizationResponseDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(OrganizationEntity);
      const organization = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw notFound();
      const { whatsapp_send_rate_per_minute: sendRate, whatsapp_min_chat_gap_ms: chatGap, ...plain } = dto;
      const next = {
        ...plain,
        ...(sendRate !== undefined ? { whatsappSendRatePerMinute: sendRate } : {}),
        ...(chatGap !== undefined ? { whatsappMinChatGapMs: chatGap } : {}),
      };
      const changes = diffChanges({ ...organization }, next);
      Object.assign(organization, next);
      const updated = await repository.save(organization);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(
          { organizationId: id, actor, action: AuditAction.OrganizationUpdated, entityType: AuditEntityType.Organization, entityId: id, changes },
          manager,
        );
      }
      return updated;
    });
    return this.toResponse(saved);
  }

  private async changeStatus(
    actor: AuthUser,
    organization: OrganizationEntity,
    status: OrganizationStatus,
    reason: string | null,
  ): Promise<OrganizationResponseDto> {
    const suspended = status === OrganizationStatus.Suspended;
    const saved = await this.dataSource.transaction(async (manager) => {
      const updated = await manager.getRepository(OrganizationEntity).save({
        ...organization,
        status,
        suspendedAt: suspended ? new Date() : null,
        suspensionReason: reason,
      });
      await this.audit.record(
        {
          organizationId: organization.id,
          actor,
          action: suspended ? AuditAction.OrganizationSuspended : AuditAction.OrganizationReactivated,
          entityType: AuditEntityType.Organization,
          entityId: organization.id,
          changes: { status: { old: organization.status, new: status } },
          metadata: reason ? { reason } : null,
        },
        manager,
      );
      return updated;
    });
    await this.accessStates.put(organization.id, { status });
    return this.toResponse(saved);
  }

  private async getClinic(id: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findOneBy({ id, isPlatform: false });
    if (!organization) throw notFound();
    return organization;
  }

  private async loadAccessState(id: string): Promise<OrganizationAccessState | null> {
    const organization = await this.organizations.findOne({ where: { id }, select: { id: true, status: true } });
    return organization ? { status: organization.status } : null;
  }

  private async toResponse(organization: OrganizationEntity): Promise<OrganizationResponseDto> {
    return OrganizationResponseDto.from(organization, await this.plans.get(organization.plan));
  }
}

function notFound(): OrganizationException {
  return new OrganizationException(OrganizationErrorCode.NotFound, 'Organization not found');
}
