"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganizationsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const ioredis_1 = __importDefault(require("ioredis"));
const typeorm_2 = require("typeorm");
const escape_like_1 = require("../../database/escape-like");
const pagination_1 = require("../../common/pagination");
const json_cache_1 = require("../../common/redis/json-cache");
const redis_module_1 = require("../../common/redis/redis.module");
const redis_connection_factory_1 = require("../../common/redis/redis-connection.factory");
const audit_constants_1 = require("../audit/audit.constants");
const audit_service_1 = require("../audit/audit.service");
const diff_changes_1 = require("../audit/diff-changes");
const organization_response_dto_1 = require("./dto/organization-response.dto");
const organization_entity_1 = require("./organization.entity");
const organizations_exceptions_1 = require("./organizations.exceptions");
const plan_entity_1 = require("./plan.entity");
const plans_service_1 = require("./plans.service");
const ACCESS_STATE_TTL_SECONDS = 300;
const SORT_COLUMNS = { created_at: 'org.created_at', name: 'org.name' };
let OrganizationsService = class OrganizationsService {
    organizations;
    dataSource;
    plans;
    audit;
    accessStates;
    platformId;
    constructor(organizations, dataSource, plans, audit, redis, keys) {
        this.organizations = organizations;
        this.dataSource = dataSource;
        this.plans = plans;
        this.audit = audit;
        this.accessStates = new json_cache_1.JsonCache(redis, (id) => keys.key('auth', 'org', id), ACCESS_STATE_TTL_SECONDS);
    }
    async createInTransaction(manager, dto, actor) {
        const plan = await this.plans.get(dto.plan ?? plan_entity_1.PlanCode.Free);
        const organization = await manager.getRepository(organization_entity_1.OrganizationEntity).save(manager.getRepository(organization_entity_1.OrganizationEntity).create({
            name: dto.name,
            plan: plan.code,
            timezone: dto.timezone ?? organization_entity_1.DEFAULT_TIMEZONE,
            locale: dto.locale ?? organization_entity_1.DEFAULT_LOCALE,
            status: organization_entity_1.OrganizationStatus.Active,
        }));
        await this.audit.record({
            organizationId: organization.id,
            actor,
            action: audit_constants_1.AuditAction.OrganizationCreated,
            entityType: audit_constants_1.AuditEntityType.Organization,
            entityId: organization.id,
            metadata: { name: organization.name, plan: organization.plan },
        }, manager);
        return organization;
    }
    async list(query) {
        const qb = this.organizations.createQueryBuilder('org').where('org.is_platform = false');
        if (query.status)
            qb.andWhere('org.status = :status', { status: query.status });
        if (query.plan)
            qb.andWhere('org.plan = :plan', { plan: query.plan });
        if (query.search)
            qb.andWhere('org.name ILIKE :search', { search: `%${(0, escape_like_1.escapeLike)(query.search)}%` });
        const page = await (0, pagination_1.findPage)(qb, query, SORT_COLUMNS);
        return { ...page, items: await Promise.all(page.items.map((row) => this.toResponse(row))) };
    }
    async findOne(id) {
        return this.toResponse(await this.getClinic(id));
    }
    async findMine(actor) {
        const organization = await this.organizations.findOneBy({ id: actor.organizationId });
        if (!organization)
            throw notFound();
        return this.toResponse(organization);
    }
    async updateMine(actor, dto) {
        return this.applyUpdate(actor, actor.organizationId, dto);
    }
    async update(actor, id, dto) {
        await this.getClinic(id);
        if (dto.plan)
            await this.plans.get(dto.plan);
        return this.applyUpdate(actor, id, dto);
    }
    async suspend(actor, id, dto) {
        const organization = await this.getClinic(id);
        if (organization.status === organization_entity_1.OrganizationStatus.Suspended) {
            throw new organizations_exceptions_1.OrganizationException(organizations_exceptions_1.OrganizationErrorCode.AlreadySuspended, 'Organization is already suspended');
        }
        return this.changeStatus(actor, organization, organization_entity_1.OrganizationStatus.Suspended, dto.reason);
    }
    async reactivate(actor, id) {
        const organization = await this.getClinic(id);
        if (organization.status !== organization_entity_1.OrganizationStatus.Suspended) {
            throw new organizations_exceptions_1.OrganizationException(organizations_exceptions_1.OrganizationErrorCode.NotSuspended, 'Organization is not suspended');
        }
        return this.changeStatus(actor, organization, organization_entity_1.OrganizationStatus.Active, null);
    }
    getAccessState(organizationId) {
        return this.accessStates.get(organizationId, (id) => this.loadAccessState(id));
    }
    accessStateKey(organizationId) {
        return this.accessStates.keyOf(organizationId);
    }
    resolveAccessState(organizationId, raw) {
        return this.accessStates.resolve(organizationId, raw, (id) => this.loadAccessState(id));
    }
    async getPlatformOrganizationId() {
        this.platformId ??= (await this.organizations.findOneOrFail({ where: { isPlatform: true }, select: { id: true } })).id;
        return this.platformId;
    }
    async getMessagingSettings(organizationId) {
        const organization = await this.organizations.findOne({
            where: { id: organizationId },
            select: { id: true, timezone: true, locale: true, whatsappSendRatePerMinute: true, whatsappMinChatGapMs: true },
        });
        if (!organization)
            throw notFound();
        return {
            timezone: organization.timezone,
            locale: organization.locale,
            sendRatePerMinute: organization.whatsappSendRatePerMinute,
            minChatGapMs: organization.whatsappMinChatGapMs,
        };
    }
    async getPlanOf(organizationId, manager) {
        const repository = manager ? manager.getRepository(organization_entity_1.OrganizationEntity) : this.organizations;
        const organization = await repository.findOneBy({ id: organizationId });
        if (!organization)
            throw notFound();
        return this.plans.get(organization.plan);
    }
    async lockForUpdate(manager, organizationId) {
        await manager.getRepository(organization_entity_1.OrganizationEntity).createQueryBuilder('org').setLock('pessimistic_write').where('org.id = :id', { id: organizationId }).getOneOrFail();
    }
    async applyUpdate(actor, id, dto) {
        const saved = await this.dataSource.transaction(async (manager) => {
            const repository = manager.getRepository(organization_entity_1.OrganizationEntity);
            const organization = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
            if (!organization)
                throw notFound();
            const { whatsapp_send_rate_per_minute: sendRate, whatsapp_min_chat_gap_ms: chatGap, ...plain } = dto;
            const next = {
                ...plain,
                ...(sendRate !== undefined ? { whatsappSendRatePerMinute: sendRate } : {}),
                ...(chatGap !== undefined ? { whatsappMinChatGapMs: chatGap } : {}),
            };
            const changes = (0, diff_changes_1.diffChanges)({ ...organization }, next);
            Object.assign(organization, next);
            const updated = await repository.save(organization);
            if (Object.keys(changes).length > 0) {
                await this.audit.record({ organizationId: id, actor, action: audit_constants_1.AuditAction.OrganizationUpdated, entityType: audit_constants_1.AuditEntityType.Organization, entityId: id, changes }, manager);
            }
            return updated;
        });
        return this.toResponse(saved);
    }
    async changeStatus(actor, organization, status, reason) {
        const suspended = status === organization_entity_1.OrganizationStatus.Suspended;
        const saved = await this.dataSource.transaction(async (manager) => {
            const updated = await manager.getRepository(organization_entity_1.OrganizationEntity).save({
                ...organization,
                status,
                suspendedAt: suspended ? new Date() : null,
                suspensionReason: reason,
            });
            await this.audit.record({
                organizationId: organization.id,
                actor,
                action: suspended ? audit_constants_1.AuditAction.OrganizationSuspended : audit_constants_1.AuditAction.OrganizationReactivated,
                entityType: audit_constants_1.AuditEntityType.Organization,
                entityId: organization.id,
                changes: { status: { old: organization.status, new: status } },
                metadata: reason ? { reason } : null,
            }, manager);
            return updated;
        });
        await this.accessStates.put(organization.id, { status });
        return this.toResponse(saved);
    }
    async getClinic(id) {
        const organization = await this.organizations.findOneBy({ id, isPlatform: false });
        if (!organization)
            throw notFound();
        return organization;
    }
    async loadAccessState(id) {
        const organization = await this.organizations.findOne({ where: { id }, select: { id: true, status: true } });
        return organization ? { status: organization.status } : null;
    }
    async toResponse(organization) {
        return organization_response_dto_1.OrganizationResponseDto.from(organization, await this.plans.get(organization.plan));
    }
};
exports.OrganizationsService = OrganizationsService;
exports.OrganizationsService = OrganizationsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(organization_entity_1.OrganizationEntity)),
    __param(1, (0, typeorm_1.InjectDataSource)()),
    __param(4, (0, common_1.Inject)(redis_module_1.REDIS_CLIENT)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.DataSource,
        plans_service_1.PlansService,
        audit_service_1.AuditService,
        ioredis_1.default,
        redis_connection_factory_1.RedisConnectionFactory])
], OrganizationsService);
function notFound() {
    return new organizations_exceptions_1.OrganizationException(organizations_exceptions_1.OrganizationErrorCode.NotFound, 'Organization not found');
}
//# sourceMappingURL=organizations.service.js.map