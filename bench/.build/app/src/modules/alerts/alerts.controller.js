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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AlertsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../common/auth/auth.decorators");
const permissions_1 = require("../../common/auth/permissions");
const pagination_1 = require("../../common/pagination");
const error_response_dto_1 = require("../../common/swagger/error-response.dto");
const validation_1 = require("../../common/validation/validation");
const alerts_service_1 = require("./alerts.service");
const alert_response_dto_1 = require("./dto/alert-response.dto");
const list_alerts_query_dto_1 = require("./dto/list-alerts-query.dto");
let AlertsController = class AlertsController {
    alerts;
    constructor(alerts) {
        this.alerts = alerts;
    }
    list(actor, query) {
        return this.alerts.list(actor, query);
    }
    resolve(actor, id) {
        return this.alerts.resolve(actor, id);
    }
};
exports.AlertsController = AlertsController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.AlertsRead),
    (0, swagger_1.ApiOperation)({ summary: 'Operational alerts of the caller’s organization (every organization for super admins), newest first' }),
    (0, pagination_1.ApiPageResponse)(alert_response_dto_1.AlertResponseDto),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, list_alerts_query_dto_1.ListAlertsQueryDto]),
    __metadata("design:returntype", Promise)
], AlertsController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(':id/resolve'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.AlertsManage),
    (0, swagger_1.ApiOperation)({ summary: 'Close an open alert by hand (it opens again if the problem is seen again)' }),
    (0, swagger_1.ApiOkResponse)({ type: alert_response_dto_1.AlertResponseDto }),
    (0, swagger_1.ApiNotFoundResponse)({ type: error_response_dto_1.ErrorResponseDto }),
    (0, swagger_1.ApiConflictResponse)({ description: 'ALERT_ALREADY_RESOLVED', type: error_response_dto_1.ErrorResponseDto }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', validation_1.UuidPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], AlertsController.prototype, "resolve", null);
exports.AlertsController = AlertsController = __decorate([
    (0, swagger_1.ApiTags)('alerts'),
    (0, swagger_1.ApiBadRequestResponse)({ description: 'Invalid input', type: error_response_dto_1.ErrorResponseDto }),
    (0, common_1.Controller)('alerts'),
    __metadata("design:paramtypes", [alerts_service_1.AlertsService])
], AlertsController);
//# sourceMappingURL=alerts.controller.js.map