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
var WhatsappSessionMonitorService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WhatsappSessionMonitorService = void 0;
const common_1 = require("@nestjs/common");
const waha_config_1 = require("../../../config/waha.config");
const queue_constants_1 = require("../../../queue/queue.constants");
const queue_service_1 = require("../../../queue/queue.service");
const waha_client_1 = require("../client/waha.client");
const waha_errors_1 = require("../client/waha.errors");
const waha_exceptions_1 = require("../waha.exceptions");
const whatsapp_session_alerts_service_1 = require("./whatsapp-session-alerts.service");
const whatsapp_session_entity_1 = require("./whatsapp-session.entity");
const whatsapp_session_rules_1 = require("./whatsapp-session.rules");
const whatsapp_sessions_service_1 = require("./whatsapp-sessions.service");
const GIVE_UP_KINDS = new Set(['unreachable', 'timeout']);
let WhatsappSessionMonitorService = WhatsappSessionMonitorService_1 = class WhatsappSessionMonitorService {
    sessions;
    waha;
    alerts;
    queues;
    config;
    logger = new common_1.Logger(WhatsappSessionMonitorService_1.name);
    constructor(sessions, waha, alerts, queues, config) {
        this.sessions = sessions;
        this.waha = waha;
        this.alerts = alerts;
        this.queues = queues;
        this.config = config;
    }
    async onApplicationBootstrap() {
        await this.queues.schedule(queue_constants_1.JobName.CheckWhatsappSessions, {}, this.config.sessionCheckIntervalMs);
    }
    async check(payload) {
        const sessions = await this.sessions.findLive(payload);
        const summary = { checked: 0, restarted: 0, unavailable: 0 };
        const answeredOrgs = new Set();
        const unavailableOrgs = new Set();
        let unavailableReason = null;
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
            }
            else if (outcome !== 'failed') {
                answeredOrgs.add(session.organizationId);
                if (outcome === 'restarted')
                    summary.restarted += 1;
            }
        }
        await this.reportReachability(answeredOrgs, unavailableOrgs, unavailableReason, sessions.length === 0 && !payload.organizationId && !payload.sessionId);
        this.logger.log({ ...summary, scope: payload }, 'whatsapp sessions checked');
        return summary;
    }
    async checkSafely(session) {
        try {
            return { outcome: await this.checkOne(session), reason: null };
        }
        catch (error) {
            if ((0, waha_exceptions_1.isWahaUnavailable)(error))
                return { outcome: 'unavailable', reason: (0, waha_errors_1.isWahaError)(error) ? error.kind : 'unknown' };
            this.logger.warn({ err: error, sessionId: session.id, organizationId: session.organizationId }, 'whatsapp session check failed');
            return { outcome: 'failed', reason: null };
        }
    }
    async checkOne(session) {
        const at = new Date();
        let info;
        try {
            info = await this.waha.getSession(session.name);
        }
        catch (error) {
            if (!(0, waha_exceptions_1.isWahaNotFound)(error))
                throw error;
            await this.sessions.recordWahaState(session, null, at, { lastCheckedAt: at });
            await this.alerts.missingInWaha(session);
            return 'answered';
        }
        const observed = info.status;
        const check = { lastCheckedAt: at };
        if (observed === whatsapp_session_entity_1.WhatsappSessionStatus.Working)
            Object.assign(check, { restartAttempts: 0, nextRestartAt: null });
        if (observed !== whatsapp_session_entity_1.WhatsappSessionStatus.Failed) {
            await this.sessions.recordWahaState(session, info, at, check);
            await this.alerts.reflectStatus(session, observed);
            return 'answered';
        }
        return this.handleFailed(session, info, at, check);
    }
    async handleFailed(session, info, at, check) {
        const max = this.config.maxRestartAttempts;
        const due = (0, whatsapp_session_rules_1.isRestartDue)(session, at, max);
        const budget = due ? (0, whatsapp_session_rules_1.afterRestart)(session, at) : { restartAttempts: session.restartAttempts, nextRestartAt: session.nextRestartAt };
        await this.sessions.recordWahaState(session, info, at, { ...check, ...budget });
        await this.alerts.reflectStatus(session, info.status, {
            restart_attempts: budget.restartAttempts,
            max_restart_attempts: max,
            automatic_restarts_exhausted: budget.restartAttempts >= max,
            next_restart_at: budget.restartAttempts >= max ? null : budget.nextRestartAt?.toISOString() ?? null,
        });
        if (!due)
            return 'answered';
        const restartedAt = new Date();
        const restarted = await this.waha.restartSession(session.name);
        await this.sessions.recordWahaState(session, restarted, restartedAt);
        this.logger.warn({ sessionId: session.id, organizationId: session.organizationId, attempt: budget.restartAttempts }, 'failed whatsapp session restarted');
        return 'restarted';
    }
    async reportReachability(answered, unavailable, reason, probe) {
        if (unavailable.size > 0) {
            await this.alerts.wahaUnreachable(unavailable, reason ?? 'unknown');
            const recovered = [...answered].filter((organizationId) => !unavailable.has(organizationId));
            if (recovered.length > 0)
                await this.alerts.wahaReachable(recovered, { includePlatform: false });
            return;
        }
        if (answered.size > 0) {
            await this.alerts.wahaReachable(answered);
            return;
        }
        if (probe)
            await this.probe();
    }
    async probe() {
        try {
            await this.waha.ping();
            await this.alerts.wahaReachable([]);
        }
        catch (error) {
            if (!(0, waha_exceptions_1.isWahaUnavailable)(error))
                throw error;
            await this.alerts.wahaUnreachable([], (0, waha_errors_1.isWahaError)(error) ? error.kind : 'unknown');
        }
    }
};
exports.WhatsappSessionMonitorService = WhatsappSessionMonitorService;
exports.WhatsappSessionMonitorService = WhatsappSessionMonitorService = WhatsappSessionMonitorService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(4, (0, common_1.Inject)(waha_config_1.wahaConfig.KEY)),
    __metadata("design:paramtypes", [whatsapp_sessions_service_1.WhatsappSessionsService,
        waha_client_1.WahaClient,
        whatsapp_session_alerts_service_1.WhatsappSessionAlerts,
        queue_service_1.QueueService, void 0])
], WhatsappSessionMonitorService);
//# sourceMappingURL=whatsapp-session-monitor.service.js.map