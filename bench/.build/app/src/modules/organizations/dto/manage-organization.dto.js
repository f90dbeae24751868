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
exports.ListOrganizationsQueryDto = exports.ORGANIZATION_SORT_FIELDS = exports.SuspendOrganizationDto = exports.UpdateOrganizationDto = exports.NewOrganizationDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const transforms_1 = require("../../../common/validation/transforms");
const class_validator_1 = require("class-validator");
const pagination_1 = require("../../../common/pagination");
const organization_entity_1 = require("../organization.entity");
const plan_entity_1 = require("../plan.entity");
const organization_settings_dto_1 = require("./organization-settings.dto");
class NewOrganizationDto {
    name;
    plan;
    timezone;
    locale;
}
exports.NewOrganizationDto = NewOrganizationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Clínica Sorriso', minLength: 2, maxLength: 120 }),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(2, 120),
    __metadata("design:type", String)
], NewOrganizationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: plan_entity_1.PlanCode, example: plan_entity_1.PlanCode.Starter, default: plan_entity_1.PlanCode.Free }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(plan_entity_1.PlanCode),
    __metadata("design:type", String)
], NewOrganizationDto.prototype, "plan", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'America/Sao_Paulo', default: 'America/Sao_Paulo' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsTimeZone)(),
    __metadata("design:type", String)
], NewOrganizationDto.prototype, "timezone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'pt-BR', enum: organization_entity_1.SUPPORTED_LOCALES, default: 'pt-BR' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(organization_entity_1.SUPPORTED_LOCALES),
    __metadata("design:type", String)
], NewOrganizationDto.prototype, "locale", void 0);
class UpdateOrganizationDto extends organization_settings_dto_1.UpdateMyOrganizationDto {
    plan;
}
exports.UpdateOrganizationDto = UpdateOrganizationDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: plan_entity_1.PlanCode, example: plan_entity_1.PlanCode.Professional }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(plan_entity_1.PlanCode),
    __metadata("design:type", String)
], UpdateOrganizationDto.prototype, "plan", void 0);
class SuspendOrganizationDto {
    reason;
}
exports.SuspendOrganizationDto = SuspendOrganizationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Payment overdue since 2026-10-01', minLength: 3, maxLength: 500 }),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(3, 500),
    __metadata("design:type", String)
], SuspendOrganizationDto.prototype, "reason", void 0);
exports.ORGANIZATION_SORT_FIELDS = ['created_at', 'name'];
class ListOrganizationsQueryDto extends (0, pagination_1.SortablePageQueryDto)(exports.ORGANIZATION_SORT_FIELDS, 'created_at') {
    status;
    plan;
    search;
}
exports.ListOrganizationsQueryDto = ListOrganizationsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: organization_entity_1.OrganizationStatus, example: organization_entity_1.OrganizationStatus.Active }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(organization_entity_1.OrganizationStatus),
    __metadata("design:type", String)
], ListOrganizationsQueryDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: plan_entity_1.PlanCode, example: plan_entity_1.PlanCode.Free }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(plan_entity_1.PlanCode),
    __metadata("design:type", String)
], ListOrganizationsQueryDto.prototype, "plan", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'sorriso', description: 'Case-insensitive match on the name' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100),
    __metadata("design:type", String)
], ListOrganizationsQueryDto.prototype, "search", void 0);
//# sourceMappingURL=manage-organization.dto.js.map