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
exports.WhatsappSessionEntity = exports.WhatsappSessionStatus = void 0;
const typeorm_1 = require("typeorm");
const tenant_owned_entity_1 = require("../../organizations/tenant-owned.entity");
var WhatsappSessionStatus;
(function (WhatsappSessionStatus) {
    WhatsappSessionStatus["Stopped"] = "STOPPED";
    WhatsappSessionStatus["Starting"] = "STARTING";
    WhatsappSessionStatus["ScanQrCode"] = "SCAN_QR_CODE";
    WhatsappSessionStatus["Working"] = "WORKING";
    WhatsappSessionStatus["Failed"] = "FAILED";
})(WhatsappSessionStatus || (exports.WhatsappSessionStatus = WhatsappSessionStatus = {}));
let WhatsappSessionEntity = class WhatsappSessionEntity extends tenant_owned_entity_1.TenantOwnedEntity {
    name;
    displayName;
    status;
    statusChangedAt;
    meId;
    mePushName;
    hmacKeyEncrypted;
    lastCheckedAt;
    restartAttempts;
    nextRestartAt;
    deletedAt;
};
exports.WhatsappSessionEntity = WhatsappSessionEntity;
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 54 }),
    __metadata("design:type", String)
], WhatsappSessionEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 80, nullable: true }),
    __metadata("design:type", Object)
], WhatsappSessionEntity.prototype, "displayName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 40, default: WhatsappSessionStatus.Stopped }),
    __metadata("design:type", String)
], WhatsappSessionEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], WhatsappSessionEntity.prototype, "statusChangedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, nullable: true }),
    __metadata("design:type", Object)
], WhatsappSessionEntity.prototype, "meId", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120, nullable: true }),
    __metadata("design:type", Object)
], WhatsappSessionEntity.prototype, "mePushName", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'text' }),
    __metadata("design:type", String)
], WhatsappSessionEntity.prototype, "hmacKeyEncrypted", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], WhatsappSessionEntity.prototype, "lastCheckedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], WhatsappSessionEntity.prototype, "restartAttempts", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], WhatsappSessionEntity.prototype, "nextRestartAt", void 0);
__decorate([
    (0, typeorm_1.DeleteDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Object)
], WhatsappSessionEntity.prototype, "deletedAt", void 0);
exports.WhatsappSessionEntity = WhatsappSessionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'whatsapp_sessions' }),
    (0, typeorm_1.Index)('UQ_whatsapp_sessions_name', ['name'], { unique: true, where: '"deleted_at" IS NULL' }),
    (0, typeorm_1.Index)('IDX_whatsapp_sessions_org_created', ['organizationId', 'createdAt'])
], WhatsappSessionEntity);
//# sourceMappingURL=whatsapp-session.entity.js.map