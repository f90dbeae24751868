"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentUser = exports.Public = exports.REQUIRED_PERMISSIONS_KEY = exports.IS_PUBLIC_KEY = void 0;
exports.RequirePermission = RequirePermission;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const error_response_dto_1 = require("../swagger/error-response.dto");
exports.IS_PUBLIC_KEY = 'robbot:public';
exports.REQUIRED_PERMISSIONS_KEY = 'robbot:permissions';
const Public = () => (0, common_1.SetMetadata)(exports.IS_PUBLIC_KEY, true);
exports.Public = Public;
function RequirePermission(...permissions) {
    return (0, common_1.applyDecorators)((0, common_1.SetMetadata)(exports.REQUIRED_PERMISSIONS_KEY, permissions), (0, swagger_1.ApiBearerAuth)(), (0, swagger_1.ApiUnauthorizedResponse)({ description: 'Missing, expired, revoked or invalid access token', type: error_response_dto_1.ErrorResponseDto }), (0, swagger_1.ApiForbiddenResponse)({
        description: 'The role lacks the permission, or the organization is suspended',
        type: error_response_dto_1.ErrorResponseDto,
    }));
}
exports.CurrentUser = (0, common_1.createParamDecorator)((_data, ctx) => {
    const request = ctx.switchToHttp().getRequest();
    if (!request.user)
        throw new Error('CurrentUser used on a route without authentication');
    return request.user;
});
//# sourceMappingURL=auth.decorators.js.map