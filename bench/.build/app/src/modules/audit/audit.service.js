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
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuditService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const permissions_1 = require("../../common/auth/permissions");
const pagination_1 = require("../../common/pagination");
const request_context_store_1 = require("../../common/request-context/request-context.store");
const audit_log_entity_1 = require("./audit-log.entity");
const audit_log_response_dto_1 = require("./dto/audit-log-response.dto");
let AuditService = class AuditService {
    auditLogs;
    constructor(auditLogs) {
        this.auditLogs = auditLogs;
    }
    async record(entry, manager) {
        const repository = manager ? manager.getRepository(audit_log_entity_1.AuditLogEntity) : this.auditLogs;
        const request = request_context_store_1.RequestContextStore.current();
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
    async list(actor, query) {
        const qb = this.auditLogs.createQueryBuilder('log');
        if ((0, permissions_1.hasPermission)(actor.role, permissions_1.Permission.AuditReadAll)) {
            if (query.organization_id)
                qb.andWhere('log.organization_id = :org', { org: query.organization_id });
        }
        else {
            qb.andWhere('log.organization_id = :org', { org: actor.organizationId });
        }
        if (query.actor_id)
            qb.andWhere('log.actor_id = :actorId', { actorId: query.actor_id });
        if (query.entity_type)
            qb.andWhere('log.entity_type = :entityType', { entityType: query.entity_type });
        if (query.entity_id)
            qb.andWhere('log.entity_id = :entityId', { entityId: query.entity_id });
        if (query.action)
            qb.andWhere('log.action = :action', { action: query.action });
        if (query.from || query.to) {
            qb.andWhere(new typeorm_2.Brackets((range) => {
                if (query.from)
                    range.andWhere('log.created_at >= :from', { from: query.from });
                if (query.to)
                    range.andWhere("log.created_at < CAST(:to AS timestamptz) + interval '1 millisecond'", { to: query.to });
            }));
        }
        const [rows, total] = await qb
            .orderBy('log.created_at', 'DESC')
            .addOrderBy('log.id', 'DESC')
            .offset(query.offset)
            .limit(query.limit)
            .getManyAndCount();
        return (0, pagination_1.toPage)(rows.map(audit_log_response_dto_1.AuditLogResponseDto.from), total, query);
    }
};
exports.AuditService = AuditService;
exports.AuditService = AuditService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(audit_log_entity_1.AuditLogEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], AuditService);
//# sourceMappingURL=audit.service.js.map