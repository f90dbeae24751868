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
exports.WhatsappSessionsService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const pagination_1 = require("../../../common/pagination");
const visible_to_1 = require("../../../common/tenancy/visible-to");
const audit_constants_1 = require("../../audit/audit.constants");
const audit_service_1 = require("../../audit/audit.service");
const queue_constants_1 = require("../../../queue/queue.constants");
const queue_service_1 = require("../../../queue/queue.service");
const waha_client_1 = require("../client/waha.client");
const waha_errors_1 = require("../client/waha.errors");
const waha_exceptions_1 = require("../waha.exceptions");
const whatsapp_session_response_dto_1 = require("./dto/whatsapp-session-response.dto");
const whatsapp_session_alerts_service_1 = require("./whatsapp-session-alerts.service");
const whatsapp_session_entity_1 = require("./whatsapp-session.entity");
const whatsapp_session_rules_1 = require("./whatsapp-session.rules");
const SORT_COLUMNS = { created_at: 'session.created_at' };
const ACTION_AUDIT = {
    start: audit_constants_1.AuditAction.WhatsappSessionStarted,
    stop: audit_constants_1.AuditAction.WhatsappSessionStopped,
    restart: audit_constants_1.AuditAction.WhatsappSessionRestarted,
};
let WhatsappSessionsService = class WhatsappSessionsService {
    sessions;
    waha;
    audit;
    alerts;
    queues;
    constructor(sessions, waha, audit, alerts, queues) {
        this.sessions = sessions;
        this.waha = waha;
        this.audit = audit;
        this.alerts = alerts;
        this.queues = queues;
    }
    findById(organizationId, sessionId) {
        return this.sessions.findOneBy({ id: sessionId, organizationId });
    }
    findLive(filter) {
        const where = {};
        if (filter.organizationId)
            where.organizationId = filter.organizationId;
        if (filter.sessionId)
            where.id = filter.sessionId;
        return this.sessions.find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    }
    async list(actor, query) {
        const qb = this.sessions.createQueryBuilder('session').where('session.organization_id = :org', { org: actor.organizationId });
        const page = await (0, pagination_1.findPage)(qb, query, SORT_COLUMNS);
        return { ...page, items: page.items.map(whatsapp_session_response_dto_1.WhatsappSessionResponseDto.from) };
    }
    async findOne(actor, name) {
        return whatsapp_session_response_dto_1.WhatsappSessionResponseDto.from(await this.getVisible(actor, name));
    }
    async getQr(actor, name, format) {
        const session = await this.getVisible(actor, name);
        const refreshed = await this.refresh(session);
        if (refreshed.status === whatsapp_session_entity_1.WhatsappSessionStatus.Working)
            throw alreadyConnected();
        try {
            if (format === 'raw')
                return { format, value: await this.waha.getQrRaw(name) };
            return { format, png: await this.waha.getQrImage(name) };
        }
        catch (error) {
            if (error instanceof waha_errors_1.WahaClientError && error.sessionNotReady) {
                if (error.sessionStatus === whatsapp_session_entity_1.WhatsappSessionStatus.Working)
                    throw alreadyConnected();
                throw new waha_exceptions_1.WahaException(waha_exceptions_1.WahaErrorCode.SessionNotPairing, `The number is not waiting for a QR scan (status ${error.sessionStatus})`, {
                    status: error.sessionStatus,
                });
            }
            throw (0, waha_exceptions_1.fromWahaError)(error);
        }
    }
    async act(actor, name, action) {
        const session = await this.getVisible(actor, name);
        const at = new Date();
        const info = await this.callWaha(() => this.runAction(name, action));
        const reset = action === 'stop' ? {} : { restartAttempts: 0, nextRestartAt: null };
        const updated = await this.recordWahaState(session, info, at, reset);
        await this.audit.record({
            organizationId: actor.organizationId,
            actor,
            action: ACTION_AUDIT[action],
            entityType: audit_constants_1.AuditEntityType.WhatsappSession,
            entityId: session.id,
            changes: session.status === updated.status ? null : { status: { old: session.status, new: updated.status } },
            metadata: { name },
        });
        return whatsapp_session_response_dto_1.WhatsappSessionResponseDto.from(updated);
    }
    async applyStatusEvent(sessionId, status, me, at) {
        const working = status === whatsapp_session_entity_1.WhatsappSessionStatus.Working;
        const result = await this.sessions
            .createQueryBuilder()
            .update(whatsapp_session_entity_1.WhatsappSessionEntity)
            .set({
            status: (0, whatsapp_session_rules_1.storedStatus)(status),
            statusChangedAt: at,
            ...(me ? (0, whatsapp_session_rules_1.meFields)(me) : {}),
            ...(working ? { restartAttempts: 0, nextRestartAt: null } : {}),
        })
            .where('id = :id AND deleted_at IS NULL', { id: sessionId })
            .andWhere('(status_changed_at IS NULL OR status_changed_at < :at)', { at })
            .returning('id, organization_id, name, display_name')
            .execute();
        const row = result.raw[0];
        if (!row)
            return;
        const session = { id: row.id, organizationId: row.organization_id, name: row.name, displayName: row.display_name };
        if (working)
            await this.alerts.resolveSession(session);
        if (status === whatsapp_session_entity_1.WhatsappSessionStatus.Failed) {
            await this.alerts.reflectStatus(session, status);
            await this.queues.enqueue(queue_constants_1.JobName.CheckWhatsappSessions, { organizationId: session.organizationId, sessionId: session.id }, { jobId: `check-session-${session.id}`, removeOnComplete: true, removeOnFail: true });
        }
    }
    async recordWahaState(session, info, at, check = {}) {
        if (Object.keys(check).length > 0)
            await this.sessions.update({ id: session.id }, check);
        if (info) {
            const status = (0, whatsapp_session_rules_1.storedStatus)(info.status);
            await this.sessions
                .createQueryBuilder()
                .update(whatsapp_session_entity_1.WhatsappSessionEntity)
                .set({
                status,
                statusChangedAt: () => 'CASE WHEN status = :status AND status_changed_at IS NOT NULL THEN status_changed_at ELSE :at END',
                ...(info.me?.id ? (0, whatsapp_session_rules_1.meFields)(info.me) : {}),
            })
                .where('id = :id AND deleted_at IS NULL', { id: session.id })
                .andWhere('(status_changed_at IS NULL OR status_changed_at <= :at)')
                .setParameters({ status, at })
                .execute();
        }
        return (await this.sessions.findOneBy({ id: session.id })) ?? Object.assign(session, check);
    }
    async refresh(session) {
        const at = new Date();
        const info = await this.callWaha(() => this.waha.getSession(session.name));
        return this.recordWahaState(session, info, at);
    }
    runAction(name, action) {
        switch (action) {
            case 'start':
                return this.waha.startSession(name);
            case 'stop':
                return this.waha.stopSession(name);
            case 'restart':
                return this.waha.restartSession(name);
        }
    }
    async callWaha(call) {
        try {
            return await call();
        }
        catch (error) {
            throw (0, waha_exceptions_1.fromWahaError)(error);
        }
    }
    async getVisible(actor, name) {
        const session = await this.sessions.findOneBy((0, visible_to_1.inOrganization)(actor, { name }));
        if (!session)
            throw (0, waha_exceptions_1.sessionNotFound)();
        return session;
    }
};
exports.WhatsappSessionsService = WhatsappSessionsService;
exports.WhatsappSessionsService = WhatsappSessionsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(whatsapp_session_entity_1.WhatsappSessionEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        waha_client_1.WahaClient,
        audit_service_1.AuditService,
        whatsapp_session_alerts_service_1.WhatsappSessionAlerts,
        queue_service_1.QueueService])
], WhatsappSessionsService);
function alreadyConnected() {
    return new waha_exceptions_1.WahaException(waha_exceptions_1.WahaErrorCode.SessionAlreadyConnected, 'The number is already connected; no QR code to scan');
}
//# sourceMappingURL=whatsapp-sessions.service.js.map