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
exports.UpdateContactDto = exports.CreateContactDto = exports.CUSTOM_ATTRIBUTES_SCHEMA = exports.CONTACT_NOTES_MAX_LENGTH = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const transforms_1 = require("../../../common/validation/transforms");
const contact_validators_1 = require("./contact-validators");
exports.CONTACT_NOTES_MAX_LENGTH = 5000;
exports.CUSTOM_ATTRIBUTES_SCHEMA = {
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
    example: { convenio: 'Unimed', carteirinha: '0012345', primeira_consulta: true },
    description: `Flat object: at most ${contact_validators_1.CUSTOM_ATTRIBUTES_MAX_KEYS} keys of 1–${contact_validators_1.CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH} characters; values string, number, boolean or null; at most ${contact_validators_1.CUSTOM_ATTRIBUTES_MAX_BYTES} bytes as JSON`,
};
class CreateContactDto {
    name;
    phone;
    email;
    birth_date;
    notes;
    custom_attributes;
    blocked;
    opted_out;
}
exports.CreateContactDto = CreateContactDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Maria da Silva', minLength: 1, maxLength: 120 }),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 120),
    __metadata("design:type", String)
], CreateContactDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: '(11) 98765-4321',
        description: 'Any usual format; stored as E.164 (`+5511987654321`). Without a country code the number is taken as Brazilian, and mobiles get the ninth digit. Unique per organization.',
    }),
    (0, class_transformer_1.Transform)(contact_validators_1.toE164Phone),
    (0, contact_validators_1.IsContactPhone)(),
    __metadata("design:type", String)
], CreateContactDto.prototype, "phone", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'maria.silva@email.com', nullable: true, type: String, maxLength: 254 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.toLowerTrimmed),
    (0, class_validator_1.IsEmail)(),
    (0, class_validator_1.MaxLength)(254),
    __metadata("design:type", Object)
], CreateContactDto.prototype, "email", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '1985-04-12', format: 'date', nullable: true, type: String, description: 'YYYY-MM-DD, not in the future' }),
    (0, class_validator_1.IsOptional)(),
    (0, contact_validators_1.IsBirthDate)(),
    __metadata("design:type", Object)
], CreateContactDto.prototype, "birth_date", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Prefere ser atendida pela manhã.', nullable: true, type: String, maxLength: exports.CONTACT_NOTES_MAX_LENGTH }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(exports.CONTACT_NOTES_MAX_LENGTH),
    __metadata("design:type", Object)
], CreateContactDto.prototype, "notes", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)(exports.CUSTOM_ATTRIBUTES_SCHEMA),
    (0, contact_validators_1.OptionalNotNull)(),
    (0, contact_validators_1.IsCustomAttributes)(),
    __metadata("design:type", Object)
], CreateContactDto.prototype, "custom_attributes", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false, default: false, description: 'Blocked patients receive no messages at all, from staff or the bot' }),
    (0, contact_validators_1.OptionalNotNull)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateContactDto.prototype, "blocked", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false, default: false, description: 'Opted-out patients receive no automated (bot) messages; opting out records opted_out_at and opt_out_source = staff' }),
    (0, contact_validators_1.OptionalNotNull)(),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], CreateContactDto.prototype, "opted_out", void 0);
class UpdateContactDto extends (0, swagger_1.PartialType)(CreateContactDto, { skipNullProperties: false }) {
}
exports.UpdateContactDto = UpdateContactDto;
//# sourceMappingURL=contact-input.dto.js.map