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
exports.QrRawResponseDto = exports.WhatsappSessionResponseDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const phone_number_1 = require("../../../contacts/phone-number");
const whatsapp_session_entity_1 = require("../whatsapp-session.entity");
class WhatsappSessionResponseDto {
    id;
    name;
    display_name;
    status;
    status_changed_at;
    phone;
    push_name;
    last_checked_at;
    restart_attempts;
    created_at;
    static from(session) {
        return {
            id: session.id,
            name: session.name,
            display_name: session.displayName,
            status: session.status,
            status_changed_at: session.statusChangedAt?.toISOString() ?? null,
            phone: session.meId ? (0, phone_number_1.phoneFromChatId)(session.meId) : null,
            push_name: session.mePushName,
            last_checked_at: session.lastCheckedAt?.toISOString() ?? null,
            restart_attempts: session.restartAttempts,
            created_at: session.createdAt.toISOString(),
        };
    }
}
exports.WhatsappSessionResponseDto = WhatsappSessionResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7d0c9a1e-2b3f-4c5d-8e9f-0a1b2c3d4e5f' }),
    __metadata("design:type", String)
], WhatsappSessionResponseDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3f9a4c1e8d2b-main', description: 'The WAHA session name (generated)' }),
    __metadata("design:type", String)
], WhatsappSessionResponseDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Recepção', nullable: true, type: String }),
    __metadata("design:type", Object)
], WhatsappSessionResponseDto.prototype, "display_name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: whatsapp_session_entity_1.WhatsappSessionStatus.Working, description: 'WAHA status: STOPPED, STARTING, SCAN_QR_CODE, WORKING, FAILED (or newer ones)' }),
    __metadata("design:type", String)
], WhatsappSessionResponseDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], WhatsappSessionResponseDto.prototype, "status_changed_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '+551132104567', nullable: true, type: String, description: 'The paired number in E.164' }),
    __metadata("design:type", Object)
], WhatsappSessionResponseDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Clínica Vida Saudável', nullable: true, type: String }),
    __metadata("design:type", Object)
], WhatsappSessionResponseDto.prototype, "push_name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T12:05:00.000Z', nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], WhatsappSessionResponseDto.prototype, "last_checked_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 0, description: 'Automatic restarts since the number last worked' }),
    __metadata("design:type", Number)
], WhatsappSessionResponseDto.prototype, "restart_attempts", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], WhatsappSessionResponseDto.prototype, "created_at", void 0);
class QrRawResponseDto {
    value;
}
exports.QrRawResponseDto = QrRawResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2@Xk3…', description: 'The text to encode as a QR code' }),
    __metadata("design:type", String)
], QrRawResponseDto.prototype, "value", void 0);
//# sourceMappingURL=whatsapp-session-response.dto.js.map