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
exports.AlertEntity = exports.AlertStatus = exports.AlertSeverity = exports.AlertType = void 0;
const typeorm_1 = require("typeorm");
const tenant_owned_entity_1 = require("../organizations/tenant-owned.entity");
var AlertType;
(function (AlertType) {
    AlertType["WhatsappSessionDown"] = "whatsapp_session_down";
    AlertType["WahaUnreachable"] = "waha_unreachable";
    AlertType["QueueBacklog"] = "queue_backlog";
})(AlertType || (exports.AlertType = AlertType = {}));
var AlertSeverity;
(function (AlertSeverity) {
    AlertSeverity["Warning"] = "warning";
    AlertSeverity["Critical"] = "critical";
})(AlertSeverity || (exports.AlertSeverity = AlertSeverity = {}));
var AlertStatus;
(function (AlertStatus) {
    AlertStatus["Open"] = "open";
    AlertStatus["Resolved"] = "resolved";
})(AlertStatus || (exports.AlertStatus = AlertStatus = {}));
let AlertEntity = class AlertEntity extends tenant_owned_entity_1.TenantOwnedEntity {
    type;
    severity;
    title;
    details;
    dedupeKey;
    status;
    occurrences;
    lastSeenAt;
    resolvedAt;
};
exports.AlertEntity = AlertEntity;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40 }),
    __metadata("design:type", String)
], AlertEntity.prototype, "type", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 12 }),
    __metadata("design:type", String)
], AlertEntity.prototype, "severity", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200 }),
    __metadata("design:type", String)
], AlertEntity.prototype, "title", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb', default: () => `'{}'` }),
    __metadata("design:type", Object)
], AlertEntity.prototype, "details", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 160 }),
    __metadata("design:type", String)
], AlertEntity.prototype, "dedupeKey", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 12, default: AlertStatus.Open }),
    __metadata("design:type", String)
], AlertEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 1 }),
    __metadata("design:type", Number)
], AlertEntity.prototype, "occurrences", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', default: () => 'now()' }),
    __metadata("design:type", Date)
], AlertEntity.prototype, "lastSeenAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], AlertEntity.prototype, "resolvedAt", void 0);
exports.AlertEntity = AlertEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'alerts' }),
    (0, typeorm_1.Check)('CHK_alerts_status', `"status" IN ('open', 'resolved')`),
    (0, typeorm_1.Index)('UQ_alerts_open_dedupe_key', ['organizationId', 'dedupeKey'], { unique: true, where: `"status" = 'open'` }),
    (0, typeorm_1.Index)('IDX_alerts_org_status_created', ['organizationId', 'status', 'createdAt']),
    (0, typeorm_1.Index)('IDX_alerts_org_type_created', ['organizationId', 'type', 'createdAt']),
    (0, typeorm_1.Index)('IDX_alerts_org_created', ['organizationId', 'createdAt']),
    (0, typeorm_1.Index)('IDX_alerts_org_last_seen', ['organizationId', 'lastSeenAt']),
    (0, typeorm_1.Index)('IDX_alerts_status_created', ['status', 'createdAt'])
], AlertEntity);
//# sourceMappingURL=alert.entity.js.map