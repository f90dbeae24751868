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
exports.WahaInboxEventEntity = exports.InboxEventStatus = void 0;
const typeorm_1 = require("typeorm");
const tenant_owned_entity_1 = require("../../organizations/tenant-owned.entity");
const whatsapp_session_entity_1 = require("../sessions/whatsapp-session.entity");
var InboxEventStatus;
(function (InboxEventStatus) {
    InboxEventStatus["Pending"] = "pending";
    InboxEventStatus["Processed"] = "processed";
    InboxEventStatus["Ignored"] = "ignored";
    InboxEventStatus["Failed"] = "failed";
})(InboxEventStatus || (exports.InboxEventStatus = InboxEventStatus = {}));
let WahaInboxEventEntity = class WahaInboxEventEntity extends tenant_owned_entity_1.TenantOwnedEntity {
    sessionId;
    session;
    eventId;
    event;
    payload;
    status;
    outcome;
    attempts;
    processedAt;
};
exports.WahaInboxEventEntity = WahaInboxEventEntity;
__decorate([
    (0, typeorm_1.Column)('uuid'),
    __metadata("design:type", String)
], WahaInboxEventEntity.prototype, "sessionId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => whatsapp_session_entity_1.WhatsappSessionEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'session_id' }),
    __metadata("design:type", whatsapp_session_entity_1.WhatsappSessionEntity)
], WahaInboxEventEntity.prototype, "session", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 100 }),
    __metadata("design:type", String)
], WahaInboxEventEntity.prototype, "eventId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40 }),
    __metadata("design:type", String)
], WahaInboxEventEntity.prototype, "event", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'jsonb' }),
    __metadata("design:type", Object)
], WahaInboxEventEntity.prototype, "payload", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 12, default: InboxEventStatus.Pending }),
    __metadata("design:type", String)
], WahaInboxEventEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300, nullable: true }),
    __metadata("design:type", Object)
], WahaInboxEventEntity.prototype, "outcome", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], WahaInboxEventEntity.prototype, "attempts", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], WahaInboxEventEntity.prototype, "processedAt", void 0);
exports.WahaInboxEventEntity = WahaInboxEventEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'waha_inbox_events' }),
    (0, typeorm_1.Check)('CHK_waha_inbox_events_status', `"status" IN ('pending', 'processed', 'ignored', 'failed')`),
    (0, typeorm_1.Index)('UQ_waha_inbox_events_session_event', ['sessionId', 'eventId'], { unique: true }),
    (0, typeorm_1.Index)('IDX_waha_inbox_events_org_status_created', ['organizationId', 'status', 'createdAt']),
    (0, typeorm_1.Index)('IDX_waha_inbox_events_pending_created', ['createdAt'], { where: `"status" = 'pending'` })
], WahaInboxEventEntity);
//# sourceMappingURL=waha-inbox-event.entity.js.map