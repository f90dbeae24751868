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
exports.QrQueryDto = exports.QR_FORMATS = exports.ListWhatsappSessionsQueryDto = exports.WHATSAPP_SESSION_SORT_FIELDS = exports.CreateWhatsappSessionDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const pagination_1 = require("../../../../common/pagination");
const transforms_1 = require("../../../../common/validation/transforms");
const whatsapp_session_rules_1 = require("../whatsapp-session.rules");
class CreateWhatsappSessionDto {
    label;
    display_name;
}
exports.CreateWhatsappSessionDto = CreateWhatsappSessionDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'recepcao',
        default: whatsapp_session_rules_1.DEFAULT_SESSION_LABEL,
        pattern: whatsapp_session_rules_1.SESSION_LABEL_PATTERN.source,
        description: 'Short name of the number inside the clinic; the WAHA session name is derived from it',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.toLowerTrimmed),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Matches)(whatsapp_session_rules_1.SESSION_LABEL_PATTERN, { message: 'label must be 1–30 characters of a-z, 0-9 and -' }),
    __metadata("design:type", String)
], CreateWhatsappSessionDto.prototype, "label", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'Recepção', maxLength: 80 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 80),
    __metadata("design:type", String)
], CreateWhatsappSessionDto.prototype, "display_name", void 0);
exports.WHATSAPP_SESSION_SORT_FIELDS = ['created_at'];
class ListWhatsappSessionsQueryDto extends (0, pagination_1.SortablePageQueryDto)(exports.WHATSAPP_SESSION_SORT_FIELDS, 'created_at') {
}
exports.ListWhatsappSessionsQueryDto = ListWhatsappSessionsQueryDto;
exports.QR_FORMATS = ['image', 'raw'];
class QrQueryDto {
    format = 'image';
}
exports.QrQueryDto = QrQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: exports.QR_FORMATS, default: 'image', example: 'image', description: '`image`: PNG bytes; `raw`: the string to render' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(exports.QR_FORMATS),
    __metadata("design:type", String)
], QrQueryDto.prototype, "format", void 0);
//# sourceMappingURL=whatsapp-session-input.dto.js.map