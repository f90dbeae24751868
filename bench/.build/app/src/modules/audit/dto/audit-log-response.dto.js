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
exports.AuditLogResponseDto = void 0;
const swagger_1 = require("@nestjs/swagger");
class AuditLogResponseDto {
    id;
    organization_id;
    actor_id;
    actor_role;
    action;
    entity_type;
    entity_id;
    changes;
    metadata;
    ip;
    request_id;
    created_at;
    static from(log) {
        return {
            id: log.id,
            organization_id: log.organizationId,
            actor_id: log.actorId,
            actor_role: log.actorRole,
            action: log.action,
            entity_type: log.entityType,
            entity_id: log.entityId,
            changes: log.changes,
            metadata: log.metadata,
            ip: log.ip,
            request_id: log.requestId,
            created_at: log.createdAt.toISOString(),
        };
    }
}
exports.AuditLogResponseDto = AuditLogResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0b6f7f0e-5a7c-4b8e-9d62-1f0c3a2b4d5e' }),
    __metadata("design:type", String)
], AuditLogResponseDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "organization_id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "actor_id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'admin', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "actor_role", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'user.updated' }),
    __metadata("design:type", String)
], AuditLogResponseDto.prototype, "action", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'user' }),
    __metadata("design:type", String)
], AuditLogResponseDto.prototype, "entity_type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "entity_id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { role: { old: 'secretary', new: 'admin' } }, nullable: true, type: Object }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "changes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { reason: 'invalid_password' }, nullable: true, type: Object }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "metadata", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '203.0.113.7', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "ip", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'b7e2c1d0-3f4a-4b5c-9d8e-7f6a5b4c3d2e', nullable: true, type: String }),
    __metadata("design:type", Object)
], AuditLogResponseDto.prototype, "request_id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], AuditLogResponseDto.prototype, "created_at", void 0);
//# sourceMappingURL=audit-log-response.dto.js.map