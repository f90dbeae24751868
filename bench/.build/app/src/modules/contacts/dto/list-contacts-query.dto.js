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
exports.ListContactsQueryDto = exports.CONTACT_SORT_FIELDS = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const pagination_1 = require("../../../common/pagination");
const transforms_1 = require("../../../common/validation/transforms");
exports.CONTACT_SORT_FIELDS = ['created_at', 'name', 'updated_at'];
class ListContactsQueryDto extends (0, pagination_1.SortablePageQueryDto)(exports.CONTACT_SORT_FIELDS, 'created_at') {
    search;
    blocked;
    opted_out;
}
exports.ListContactsQueryDto = ListContactsQueryDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'silva',
        description: 'Case-insensitive part of the name or phone. With 4 or more digits it also matches the phone whatever its formatting, e.g. `98765-4321`.',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.trimString),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 100),
    __metadata("design:type", String)
], ListContactsQueryDto.prototype, "search", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false, type: Boolean }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.toQueryBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], ListContactsQueryDto.prototype, "blocked", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: false, type: Boolean }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Transform)(transforms_1.toQueryBoolean),
    (0, class_validator_1.IsBoolean)(),
    __metadata("design:type", Boolean)
], ListContactsQueryDto.prototype, "opted_out", void 0);
//# sourceMappingURL=list-contacts-query.dto.js.map