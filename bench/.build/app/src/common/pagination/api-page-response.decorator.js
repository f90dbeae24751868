"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiPageResponse = ApiPageResponse;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
function ApiPageResponse(item) {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiExtraModels)(item), (0, swagger_1.ApiOkResponse)({
        schema: {
            type: 'object',
            required: ['items', 'total', 'page', 'limit', 'pages'],
            properties: {
                items: { type: 'array', items: { $ref: (0, swagger_1.getSchemaPath)(item) } },
                total: { type: 'integer', example: 42 },
                page: { type: 'integer', example: 1 },
                limit: { type: 'integer', example: 20 },
                pages: { type: 'integer', example: 3 },
            },
        },
    }));
}
//# sourceMappingURL=api-page-response.decorator.js.map