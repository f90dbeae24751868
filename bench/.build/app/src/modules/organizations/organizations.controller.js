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
exports.OrganizationsController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../common/auth/auth.decorators");
const permissions_1 = require("../../common/auth/permissions");
const pagination_1 = require("../../common/pagination");
const error_response_dto_1 = require("../../common/swagger/error-response.dto");
const validation_1 = require("../../common/validation/validation");
const manage_organization_dto_1 = require("./dto/manage-organization.dto");
const organization_settings_dto_1 = require("./dto/organization-settings.dto");
const organization_response_dto_1 = require("./dto/organization-response.dto");
const organizations_service_1 = require("./organizations.service");
let OrganizationsController = class OrganizationsController {
    organizations;
    constructor(organizations) {
        this.organizations = organizations;
    }
    findMine(actor) {
        return this.organizations.findMine(actor);
    }
    updateMine(actor, dto) {
        return this.organizations.updateMine(actor, dto);
    }
    list(query) {
        return this.organizations.list(query);
    }
    findOne(id) {
        return this.organizations.findOne(id);
    }
    update(actor, id, dto) {
        return this.organizations.update(actor, id, dto);
    }
    suspend(actor, id, dto) {
        return this.organizations.suspend(actor, id, dto);
    }
    reactivate(actor, id) {
        return this.organizations.reactivate(actor, id);
    }
};
exports.OrganizationsController = OrganizationsController;
__decorate([
    (0, common_1.Get)('me'),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.OrganizationRead),
    (0, swagger_1.ApiOperation)({ summary: 'The caller’s own organization: settings, plan and limits' }),
    (0, swagger_1.ApiOkResponse)({ type: organization_response_dto_1.OrganizationResponseDto }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "findMine", null);
__decorate([
    (0, common_1.Patch)('me'),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.OrganizationUpdate),
    (0, swagger_1.ApiOperation)({ summary: 'Update the caller’s organization (name, timezone, locale)' }),
    (0, swagger_1.ApiOkResponse)({ type: organization_response_dto_1.OrganizationResponseDto }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, organization_settings_dto_1.UpdateMyOrganizationDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "updateMine", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.OrganizationsManage),
    (0, swagger_1.ApiOperation)({ summary: 'Super admin: list clinics' }),
    (0, pagination_1.ApiPageResponse)(organization_response_dto_1.OrganizationResponseDto),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [manage_organization_dto_1.ListOrganizationsQueryDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.OrganizationsManage),
    (0, swagger_1.ApiOperation)({ summary: 'Super admin: one clinic' }),
    (0, swagger_1.ApiOkResponse)({ type: organization_response_dto_1.OrganizationResponseDto }),
    (0, swagger_1.ApiNotFoundResponse)({ type: error_response_dto_1.ErrorResponseDto }),
    __param(0, (0, common_1.Param)('id', validation_1.UuidPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "findOne", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.OrganizationsManage),
    (0, swagger_1.ApiOperation)({ summary: 'Super admin: change a clinic’s settings or plan' }),
    (0, swagger_1.ApiOkResponse)({ type: organization_response_dto_1.OrganizationResponseDto }),
    (0, swagger_1.ApiNotFoundResponse)({ type: error_response_dto_1.ErrorResponseDto }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', validation_1.UuidPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, manage_organization_dto_1.UpdateOrganizationDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "update", null);
__decorate([
    (0, common_1.Post)(':id/suspend'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.OrganizationsManage),
    (0, swagger_1.ApiOperation)({ summary: 'Super admin: suspend a clinic; its users get 403 ORGANIZATION_SUSPENDED on every request' }),
    (0, swagger_1.ApiOkResponse)({ type: organization_response_dto_1.OrganizationResponseDto }),
    (0, swagger_1.ApiNotFoundResponse)({ type: error_response_dto_1.ErrorResponseDto }),
    (0, swagger_1.ApiConflictResponse)({ description: 'Already suspended', type: error_response_dto_1.ErrorResponseDto }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', validation_1.UuidPipe)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String, manage_organization_dto_1.SuspendOrganizationDto]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "suspend", null);
__decorate([
    (0, common_1.Post)(':id/reactivate'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.OrganizationsManage),
    (0, swagger_1.ApiOperation)({ summary: 'Super admin: lift a suspension' }),
    (0, swagger_1.ApiOkResponse)({ type: organization_response_dto_1.OrganizationResponseDto }),
    (0, swagger_1.ApiNotFoundResponse)({ type: error_response_dto_1.ErrorResponseDto }),
    (0, swagger_1.ApiConflictResponse)({ description: 'Not suspended', type: error_response_dto_1.ErrorResponseDto }),
    __param(0, (0, auth_decorators_1.CurrentUser)()),
    __param(1, (0, common_1.Param)('id', validation_1.UuidPipe)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, String]),
    __metadata("design:returntype", Promise)
], OrganizationsController.prototype, "reactivate", null);
exports.OrganizationsController = OrganizationsController = __decorate([
    (0, swagger_1.ApiTags)('organizations'),
    (0, swagger_1.ApiBadRequestResponse)({ description: 'Invalid input', type: error_response_dto_1.ErrorResponseDto }),
    (0, common_1.Controller)('organizations'),
    __metadata("design:paramtypes", [organizations_service_1.OrganizationsService])
], OrganizationsController);
//# sourceMappingURL=organizations.controller.js.map