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
exports.UpdateMyOrganizationDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const transforms_1 = require("../../../common/validation/transforms");
const class_validator_1 = require("class-validator");
const organization_entity_1 = require("../organization.entity");
class UpdateMyOrganizationDto {
    name;
    timezone;
    locale;
    whatsapp_send_rate_per_minute;
    whatsapp_min_chat_gap_ms;
}
exports.UpdateMyOrganizationDto = UpdateMyOrganizationDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Clínica Exemplo', minLength: 2, maxLength: 120 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(2, 120),
    __metadata("design:type", String)
], UpdateMyOrganizationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'America/Sao_Paulo', description: 'IANA time zone' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsTimeZone)(),
    __metadata("design:type", String)
], UpdateMyOrganizationDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'pt-BR', enum: organization_entity_1.SUPPORTED_LOCALES }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(organization_entity_1.SUPPORTED_LOCALES),
    __metadata("design:type", String)
], UpdateMyOrganizationDto.prototype, "locale", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 20,
        nullable: true,
        description: 'Messages per minute per WhatsApp number (protects the number from bans); null = deployment default',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, value) => value !== null),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(600),
    __metadata("design:type", Object)
], UpdateMyOrganizationDto.prototype, "whatsapp_send_rate_per_minute", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 1500, nullable: true, description: 'Minimum gap between two messages to one chat; null = default' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateIf)((_, value) => value !== null),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(600_000),
    __metadata("design:type", Object)
], UpdateMyOrganizationDto.prototype, "whatsapp_min_chat_gap_ms", void 0);
//# sourceMappingURL=organization-settings.dto.js.map