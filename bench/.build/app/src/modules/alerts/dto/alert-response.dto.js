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
exports.AlertResponseDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const alert_entity_1 = require("../alert.entity");
class AlertResponseDto {
    id;
    organization_id;
    type;
    severity;
    title;
    details;
    status;
    occurrences;
    created_at;
    last_seen_at;
    resolved_at;
    static from(alert) {
        return {
            id: alert.id,
            organization_id: alert.organizationId,
            type: alert.type,
            severity: alert.severity,
            title: alert.title,
            details: alert.details,
            status: alert.status,
            occurrences: alert.occurrences,
            created_at: alert.createdAt.toISOString(),
            last_seen_at: alert.lastSeenAt.toISOString(),
            resolved_at: alert.resolvedAt?.toISOString() ?? null,
        };
    }
}
exports.AlertResponseDto = AlertResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5b7e1c2d-3a4f-4b6c-8d9e-0f1a2b3c4d5e' }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60' }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "organization_id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: alert_entity_1.AlertType, example: alert_entity_1.AlertType.WhatsappSessionDown }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: alert_entity_1.AlertSeverity, example: alert_entity_1.AlertSeverity.Critical }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "severity", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'WhatsApp number 3f9a4c1e8d2b-main is down (FAILED)' }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { session_name: '3f9a4c1e8d2b-main', status: 'FAILED', restart_attempts: 1 }, type: Object }),
    __metadata("design:type", Object)
], AlertResponseDto.prototype, "details", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: alert_entity_1.AlertStatus, example: alert_entity_1.AlertStatus.Open }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 3, description: 'How many times the problem was seen while open' }),
    __metadata("design:type", Number)
], AlertResponseDto.prototype, "occurrences", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "created_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T12:10:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], AlertResponseDto.prototype, "last_seen_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], AlertResponseDto.prototype, "resolved_at", void 0);
//# sourceMappingURL=alert-response.dto.js.map