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
exports.ContactResponseDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const contact_entity_1 = require("../contact.entity");
const contact_input_dto_1 = require("./contact-input.dto");
class ContactResponseDto {
    id;
    name;
    phone;
    wa_chat_id;
    lid;
    email;
    birth_date;
    notes;
    custom_attributes;
    blocked;
    opted_out;
    opted_out_at;
    opt_out_source;
    source;
    created_at;
    updated_at;
    static from(contact) {
        return {
            id: contact.id,
            name: contact.name,
            phone: contact.phone,
            wa_chat_id: contact.waChatId,
            lid: contact.lid,
            email: contact.email,
            birth_date: contact.birthDate,
            notes: contact.notes,
            custom_attributes: contact.customAttributes,
            blocked: contact.blocked,
            opted_out: contact.optedOut,
            opted_out_at: contact.optedOutAt?.toISOString() ?? null,
            opt_out_source: contact.optOutSource,
            source: contact.source,
            created_at: contact.createdAt.toISOString(),
            updated_at: contact.updatedAt.toISOString(),
        };
    }
}
exports.ContactResponseDto = ContactResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12' }),
    __metadata("design:type", String)
], ContactResponseDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Maria da Silva', nullable: true, type: String, description: 'Null for WhatsApp contacts that never shared a name' }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '+5511987654321', nullable: true, type: String, description: 'E.164; null for contacts WhatsApp only knows by a linked id' }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '551187654321@c.us', nullable: true, type: String, description: 'The chat id WhatsApp really uses (old Brazilian accounts lack the ninth digit)' }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "wa_chat_id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '204815162342108@lid', nullable: true, type: String, description: 'WhatsApp linked id, when known' }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "lid", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'maria.silva@email.com', nullable: true, type: String }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '1985-04-12', nullable: true, type: String, format: 'date' }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "birth_date", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Prefere ser atendida pela manhã.', nullable: true, type: String }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "notes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)(contact_input_dto_1.CUSTOM_ATTRIBUTES_SCHEMA),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "custom_attributes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: false }),
    __metadata("design:type", Boolean)
], ContactResponseDto.prototype, "blocked", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: false }),
    __metadata("design:type", Boolean)
], ContactResponseDto.prototype, "opted_out", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String, format: 'date-time' }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "opted_out_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: contact_entity_1.OptOutSource, example: null, nullable: true, description: 'Who opted the patient out' }),
    __metadata("design:type", Object)
], ContactResponseDto.prototype, "opt_out_source", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: contact_entity_1.ContactSource, example: contact_entity_1.ContactSource.Manual }),
    __metadata("design:type", String)
], ContactResponseDto.prototype, "source", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T09:30:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], ContactResponseDto.prototype, "created_at", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-20T18:45:00.000Z', format: 'date-time' }),
    __metadata("design:type", String)
], ContactResponseDto.prototype, "updated_at", void 0);
//# sourceMappingURL=contact-response.dto.js.map