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
exports.SortablePageQueryDto = SortablePageQueryDto;
exports.findPage = findPage;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const page_query_dto_1 = require("./page-query.dto");
function SortablePageQueryDto(fields, defaultField) {
    class SortableQuery extends page_query_dto_1.PageQueryDto {
        sort = defaultField;
        order = 'desc';
    }
    __decorate([
        (0, swagger_1.ApiPropertyOptional)({ enum: fields, default: defaultField, example: defaultField }),
        (0, class_validator_1.IsOptional)(),
        (0, class_validator_1.IsIn)(fields),
        __metadata("design:type", String)
    ], SortableQuery.prototype, "sort", void 0);
    __decorate([
        (0, swagger_1.ApiPropertyOptional)({ enum: ['asc', 'desc'], default: 'desc', example: 'desc' }),
        (0, class_validator_1.IsOptional)(),
        (0, class_validator_1.IsIn)(['asc', 'desc']),
        __metadata("design:type", String)
    ], SortableQuery.prototype, "order", void 0);
    return SortableQuery;
}
async function findPage(qb, query, columns) {
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const [rows, total] = await qb
        .orderBy(columns[query.sort], direction)
        .addOrderBy(`${qb.alias}.id`, direction)
        .offset(query.offset)
        .limit(query.limit)
        .getManyAndCount();
    return (0, page_query_dto_1.toPage)(rows, total, query);
}
//# sourceMappingURL=sortable-page-query.js.map