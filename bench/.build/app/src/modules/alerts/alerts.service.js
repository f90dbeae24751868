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
var AlertsService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AlertsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const permissions_1 = require("../../common/auth/permissions");
const pagination_1 = require("../../common/pagination");
const audit_constants_1 = require("../audit/audit.constants");
const audit_service_1 = require("../audit/audit.service");
const alert_entity_1 = require("./alert.entity");
const alerts_exceptions_1 = require("./alerts.exceptions");
const alert_response_dto_1 = require("./dto/alert-response.dto");
const SORT_COLUMNS = { created_at: 'alert.created_at', last_seen_at: 'alert.last_seen_at' };
let AlertsService = AlertsService_1 = class AlertsService {
    alerts;
    audit;
    logger = new common_1.Logger(AlertsService_1.name);
    constructor(alerts, audit) {
        this.alerts = alerts;
        this.audit = audit;
    }
    async raise(organizationId, alert) {
        const rows = await this.alerts.query(`INSERT INTO alerts (organization_id, type, severity, title, details, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organization_id, dedupe_key) WHERE status = 'open'
       DO UPDATE SET occurrences = alerts.occurrences + 1, last_seen_at = now(), severity = EXCLUDED.severity,
                     title = EXCLUDED.title, details = EXCLUDED.details, updated_at = now()
       RETURNING (xmax = 0) AS inserted`, [organizationId, alert.type, alert.severity, alert.title, JSON.stringify(alert.details ?? {}), alert.dedupeKey]);
        const opened = rows[0]?.inserted === true;
        if (opened)
            this.logger.warn({ organizationId, type: alert.type, dedupeKey: alert.dedupeKey }, 'alert raised');
        return opened;
    }
    async resolveByKey(organizationId, dedupeKey) {
        const result = await this.alerts.update({ organizationId, dedupeKey, status: alert_entity_1.AlertStatus.Open }, { status: alert_entity_1.AlertStatus.Resolved, resolvedAt: () => 'now()' });
        const resolved = (result.affected ?? 0) > 0;
        if (resolved)
            this.logger.log({ organizationId, dedupeKey }, 'alert resolved');
        return resolved;
    }
    async list(actor, query) {
        const qb = this.alerts.createQueryBuilder('alert');
        if (!seesAllOrganizations(actor))
            qb.andWhere('alert.organization_id = :org', { org: actor.organizationId });
        else if (query.organization_id)
            qb.andWhere('alert.organization_id = :org', { org: query.organization_id });
        if (query.status)
            qb.andWhere('alert.status = :status', { status: query.status });
        if (query.type)
            qb.andWhere('alert.type = :type', { type: query.type });
        if (query.severity)
            qb.andWhere('alert.severity = :severity', { severity: query.severity });
        const page = await (0, pagination_1.findPage)(qb, query, SORT_COLUMNS);
        return { ...page, items: page.items.map(alert_response_dto_1.AlertResponseDto.from) };
    }
    async resolve(actor, id) {
        const scope = seesAllOrganizations(actor) ? { id } : { id, organizationId: actor.organizationId };
        return this.alerts.manager.transaction(async (manager) => {
            const repository = manager.getRepository(alert_entity_1.AlertEntity);
            const result = await repository.update({ ...scope, status: alert_entity_1.AlertStatus.Open }, { status: alert_entity_1.AlertStatus.Resolved, resolvedAt: () => 'now()' });
            const alert = await repository.findOneBy(scope);
            if (!alert)
                throw new alerts_exceptions_1.AlertException(alerts_exceptions_1.AlertErrorCode.NotFound, 'Alert not found');
            if ((result.affected ?? 0) === 0)
                throw new alerts_exceptions_1.AlertException(alerts_exceptions_1.AlertErrorCode.AlreadyResolved, 'Alert is already resolved');
            await this.audit.record({
                organizationId: alert.organizationId,
                actor,
                action: audit_constants_1.AuditAction.AlertResolved,
                entityType: audit_constants_1.AuditEntityType.Alert,
                entityId: alert.id,
                metadata: { type: alert.type, dedupe_key: alert.dedupeKey },
            }, manager);
            return alert_response_dto_1.AlertResponseDto.from(alert);
        });
    }
};
exports.AlertsService = AlertsService;
exports.AlertsService = AlertsService = AlertsService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(alert_entity_1.AlertEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        audit_service_1.AuditService])
], AlertsService);
function seesAllOrganizations(actor) {
    return (0, permissions_1.hasPermission)(actor.role, permissions_1.Permission.AlertsReadAll);
}
//# sourceMappingURL=alerts.service.js.map