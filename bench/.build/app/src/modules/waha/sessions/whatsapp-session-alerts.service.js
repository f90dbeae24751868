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
Object.defineProperty(exports, "__esModule", { value: true });
exports.WhatsappSessionAlerts = exports.WAHA_UNREACHABLE_KEY = void 0;
exports.sessionDownKey = sessionDownKey;
const common_1 = require("@nestjs/common");
const alert_entity_1 = require("../../alerts/alert.entity");
const alerts_service_1 = require("../../alerts/alerts.service");
const organizations_service_1 = require("../../organizations/organizations.service");
const whatsapp_session_rules_1 = require("./whatsapp-session.rules");
exports.WAHA_UNREACHABLE_KEY = 'waha-unreachable';
function sessionDownKey(sessionId) {
    return `session-down:${sessionId}`;
}
let WhatsappSessionAlerts = class WhatsappSessionAlerts {
    alerts;
    organizations;
    constructor(alerts, organizations) {
        this.alerts = alerts;
        this.organizations = organizations;
    }
    async reflectStatus(session, status, extra = {}) {
        switch ((0, whatsapp_session_rules_1.sessionHealth)(status)) {
            case 'working':
                await this.resolveSession(session);
                return;
            case 'down':
                await this.raiseSession(session, alert_entity_1.AlertSeverity.Critical, `WhatsApp number ${labelOf(session)} is down (${status})`, { status, ...extra });
                return;
            case 'needs-pairing':
                await this.raiseSession(session, alert_entity_1.AlertSeverity.Warning, `WhatsApp number ${labelOf(session)} needs pairing (${status})`, { status, ...extra });
                return;
            case 'transient':
                return;
        }
    }
    async missingInWaha(session) {
        await this.raiseSession(session, alert_entity_1.AlertSeverity.Critical, `WhatsApp number ${labelOf(session)} is missing in WAHA`, {
            reason: 'missing_in_waha',
        });
    }
    async resolveSession(session) {
        await this.alerts.resolveByKey(session.organizationId, sessionDownKey(session.id));
    }
    async wahaUnreachable(organizationIds, reason) {
        const alert = {
            type: alert_entity_1.AlertType.WahaUnreachable,
            severity: alert_entity_1.AlertSeverity.Critical,
            title: 'The WhatsApp gateway (WAHA) is not answering',
            dedupeKey: exports.WAHA_UNREACHABLE_KEY,
            details: { reason },
        };
        const targets = new Set([await this.organizations.getPlatformOrganizationId(), ...organizationIds]);
        for (const organizationId of targets)
            await this.alerts.raise(organizationId, alert);
    }
    async wahaReachable(organizationIds, options = {}) {
        const platform = options.includePlatform === false ? [] : [await this.organizations.getPlatformOrganizationId()];
        const targets = new Set([...platform, ...organizationIds]);
        for (const organizationId of targets)
            await this.alerts.resolveByKey(organizationId, exports.WAHA_UNREACHABLE_KEY);
    }
    async raiseSession(session, severity, title, details) {
        await this.alerts.raise(session.organizationId, {
            type: alert_entity_1.AlertType.WhatsappSessionDown,
            severity,
            title,
            dedupeKey: sessionDownKey(session.id),
            details: { session_id: session.id, session_name: session.name, ...details },
        });
    }
};
exports.WhatsappSessionAlerts = WhatsappSessionAlerts;
exports.WhatsappSessionAlerts = WhatsappSessionAlerts = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [alerts_service_1.AlertsService,
        organizations_service_1.OrganizationsService])
], WhatsappSessionAlerts);
function labelOf(session) {
    return session.displayName ? `"${session.displayName}" (${session.name})` : session.name;
}
//# sourceMappingURL=whatsapp-session-alerts.service.js.map