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
exports.OrganizationResponseDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const organization_entity_1 = require("../organization.entity");
const plan_entity_1 = require("../plan.entity");
const plan_response_dto_1 = require("./plan-response.dto");
class OrganizationResponseDto {
    id;
    name;
    plan;
    limits;
    status;
    suspended_at;
    suspension_reason;
    timezone;
    locale;
    whatsapp_send_rate_per_minute;
    whatsapp_min_chat_gap_ms;
    created_at;
    updated_at;
    static from(org, plan) {
        return {
            id: org.id,
            name: org.name,
            plan: org.plan,
            limits: plan_response_dto_1.PlanLimitsDto.from(plan),
            status: org.status,
            suspended_at: org.suspendedAt?.toISOString() ?? null,
            suspension_reason: org.suspensionReason,
            timezone: org.timezone,
            locale: org.locale,
            whatsapp_send_rate_per_minute: org.whatsappSendRatePerMinute,
            whatsapp_min_chat_gap_ms: org.whatsappMinChatGapMs,
            created_at: org.createdAt.toISOString(),
            updated_at: org.updatedAt.toISOString(),
        };
    }
}
exports.OrganizationResponseDto = OrganizationResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Clínica Exemplo' }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: plan_entity_1.PlanCode, example: plan_entity_1.PlanCode.Professional }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "plan", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: plan_response_dto_1.PlanLimitsDto }),
    __metadata("design:type", plan_response_dto_1.PlanLimitsDto)
], OrganizationResponseDto.prototype, "limits", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: organization_entity_1.OrganizationStatus, example: organization_entity_1.OrganizationStatus.Active }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], OrganizationResponseDto.prototype, "suspended_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], OrganizationResponseDto.prototype, "suspension_reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'America/Sao_Paulo' }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'pt-BR' }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "locale", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Number, description: 'null = deployment default' }),
    __metadata("design:type", Object)
], OrganizationResponseDto.prototype, "whatsapp_send_rate_per_minute", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: Number, description: 'null = deployment default' }),
    __metadata("design:type", Object)
], OrganizationResponseDto.prototype, "whatsapp_min_chat_gap_ms", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "created_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], OrganizationResponseDto.prototype, "updated_at", void 0);
//# sourceMappingURL=organization-response.dto.js.map