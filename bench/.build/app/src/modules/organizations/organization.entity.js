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
exports.OrganizationEntity = exports.SUPPORTED_LOCALES = exports.DEFAULT_LOCALE = exports.DEFAULT_TIMEZONE = exports.OrganizationStatus = void 0;
const typeorm_1 = require("typeorm");
const plan_entity_1 = require("./plan.entity");
var OrganizationStatus;
(function (OrganizationStatus) {
    OrganizationStatus["Active"] = "active";
    OrganizationStatus["Suspended"] = "suspended";
})(OrganizationStatus || (exports.OrganizationStatus = OrganizationStatus = {}));
exports.DEFAULT_TIMEZONE = 'America/Sao_Paulo';
exports.DEFAULT_LOCALE = 'pt-BR';
exports.SUPPORTED_LOCALES = ['pt-BR', 'en-US', 'es-ES'];
let OrganizationEntity = class OrganizationEntity {
    id;
    name;
    plan;
    planDetails;
    status;
    suspendedAt;
    suspensionReason;
    timezone;
    locale;
    isPlatform;
    whatsappSendRatePerMinute;
    whatsappMinChatGapMs;
    createdAt;
    updatedAt;
};
exports.OrganizationEntity = OrganizationEntity;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)('uuid'),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 120 }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 32, default: plan_entity_1.PlanCode.Free }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "plan", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => plan_entity_1.PlanEntity, { onDelete: 'RESTRICT' }),
    (0, typeorm_1.JoinColumn)({ name: 'plan' }),
    __metadata("design:type", plan_entity_1.PlanEntity)
], OrganizationEntity.prototype, "planDetails", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, default: OrganizationStatus.Active }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "status", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "suspendedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 500, nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "suspensionReason", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64, default: exports.DEFAULT_TIMEZONE }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "timezone", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16, default: exports.DEFAULT_LOCALE }),
    __metadata("design:type", String)
], OrganizationEntity.prototype, "locale", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], OrganizationEntity.prototype, "isPlatform", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "whatsappSendRatePerMinute", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', nullable: true }),
    __metadata("design:type", Object)
], OrganizationEntity.prototype, "whatsappMinChatGapMs", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' }),
    __metadata("design:type", Date)
], OrganizationEntity.prototype, "updatedAt", void 0);
exports.OrganizationEntity = OrganizationEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'organizations' }),
    (0, typeorm_1.Check)('CHK_organizations_status', `"status" IN ('active', 'suspended')`),
    (0, typeorm_1.Index)('IDX_organizations_status_created_at', ['status', 'createdAt']),
    (0, typeorm_1.Index)('IDX_organizations_plan_created_at', ['plan', 'createdAt']),
    (0, typeorm_1.Index)('IDX_organizations_created_at', ['createdAt']),
    (0, typeorm_1.Index)('IDX_organizations_name_trgm', { synchronize: false })
], OrganizationEntity);
//# sourceMappingURL=organization.entity.js.map