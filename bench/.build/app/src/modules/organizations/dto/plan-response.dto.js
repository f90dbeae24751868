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
exports.PlanResponseDto = exports.PlanLimitsDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const plan_entity_1 = require("../plan.entity");
class PlanLimitsDto {
    max_users;
    max_whatsapp_numbers;
    monthly_inbound_messages;
    monthly_ai_tokens;
    static from(plan) {
        return {
            max_users: plan.maxUsers,
            max_whatsapp_numbers: plan.maxWhatsappNumbers,
            monthly_inbound_messages: plan.monthlyInboundMessages,
            monthly_ai_tokens: plan.monthlyAiTokens,
        };
    }
}
exports.PlanLimitsDto = PlanLimitsDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 5, nullable: true, description: 'null = unlimited' }),
    __metadata("design:type", Object)
], PlanLimitsDto.prototype, "max_users", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1, nullable: true }),
    __metadata("design:type", Object)
], PlanLimitsDto.prototype, "max_whatsapp_numbers", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3000, nullable: true }),
    __metadata("design:type", Object)
], PlanLimitsDto.prototype, "monthly_inbound_messages", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1000000, nullable: true }),
    __metadata("design:type", Object)
], PlanLimitsDto.prototype, "monthly_ai_tokens", void 0);
class PlanResponseDto {
    code;
    name;
    limits;
    static from(plan) {
        return { code: plan.code, name: plan.name, limits: PlanLimitsDto.from(plan) };
    }
}
exports.PlanResponseDto = PlanResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ enum: plan_entity_1.PlanCode, example: plan_entity_1.PlanCode.Starter }),
    __metadata("design:type", String)
], PlanResponseDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Starter' }),
    __metadata("design:type", String)
], PlanResponseDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: PlanLimitsDto }),
    __metadata("design:type", PlanLimitsDto)
], PlanResponseDto.prototype, "limits", void 0);
//# sourceMappingURL=plan-response.dto.js.map