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
exports.ListAuditLogsQueryDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const pagination_1 = require("../../../common/pagination");
const audit_constants_1 = require("../audit.constants");
class ListAuditLogsQueryDto extends pagination_1.PageQueryDto {
    actor_id;
    entity_type;
    entity_id;
    action;
    from;
    to;
    organization_id;
}
exports.ListAuditLogsQueryDto = ListAuditLogsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', description: 'Who acted' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListAuditLogsQueryDto.prototype, "actor_id", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: audit_constants_1.AuditEntityType, example: audit_constants_1.AuditEntityType.User }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(audit_constants_1.AuditEntityType),
    __metadata("design:type", String)
], ListAuditLogsQueryDto.prototype, "entity_type", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListAuditLogsQueryDto.prototype, "entity_id", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: audit_constants_1.AuditAction, example: audit_constants_1.AuditAction.LoginFailed }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEnum)(audit_constants_1.AuditAction),
    __metadata("design:type", String)
], ListAuditLogsQueryDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-01T00:00:00Z', description: 'Inclusive lower bound (ISO 8601)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)({ strict: true }),
    __metadata("design:type", String)
], ListAuditLogsQueryDto.prototype, "from", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '2026-11-30T23:59:59Z', description: 'Inclusive upper bound (ISO 8601)' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDateString)({ strict: true }),
    __metadata("design:type", String)
], ListAuditLogsQueryDto.prototype, "to", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60',
        description: 'Super admins only: narrow to one organization (ignored for clinic admins, who always see their own)',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListAuditLogsQueryDto.prototype, "organization_id", void 0);
//# sourceMappingURL=list-audit-logs-query.dto.js.map