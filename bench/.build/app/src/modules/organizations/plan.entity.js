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
exports.PlanEntity = exports.PlanCode = void 0;
const typeorm_1 = require("typeorm");
var PlanCode;
(function (PlanCode) {
    PlanCode["Free"] = "free";
    PlanCode["Starter"] = "starter";
    PlanCode["Professional"] = "professional";
    PlanCode["Enterprise"] = "enterprise";
})(PlanCode || (exports.PlanCode = PlanCode = {}));
let PlanEntity = class PlanEntity {
    code;
    name;
    maxUsers;
    maxWhatsappNumbers;
    monthlyInboundMessages;
    monthlyAiTokens;
    sortOrder;
};
exports.PlanEntity = PlanEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 32 }),
    __metadata("design:type", String)
], PlanEntity.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], PlanEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', nullable: true }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "maxUsers", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', nullable: true }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "maxWhatsappNumbers", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', nullable: true }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "monthlyInboundMessages", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'bigint', nullable: true, transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) } }),
    __metadata("design:type", Object)
], PlanEntity.prototype, "monthlyAiTokens", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int' }),
    __metadata("design:type", Number)
], PlanEntity.prototype, "sortOrder", void 0);
exports.PlanEntity = PlanEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'plans' })
], PlanEntity);
//# sourceMappingURL=plan.entity.js.map