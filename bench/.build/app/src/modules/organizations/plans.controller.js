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
exports.PlansController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const auth_decorators_1 = require("../../common/auth/auth.decorators");
const permissions_1 = require("../../common/auth/permissions");
const plan_response_dto_1 = require("./dto/plan-response.dto");
const plans_service_1 = require("./plans.service");
let PlansController = class PlansController {
    plans;
    constructor(plans) {
        this.plans = plans;
    }
    list() {
        return this.plans.list();
    }
};
exports.PlansController = PlansController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.RequirePermission)(permissions_1.Permission.PlansRead),
    (0, swagger_1.ApiOperation)({ summary: 'Available plans and their limits' }),
    (0, swagger_1.ApiOkResponse)({ type: plan_response_dto_1.PlanResponseDto, isArray: true }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], PlansController.prototype, "list", null);
exports.PlansController = PlansController = __decorate([
    (0, swagger_1.ApiTags)('organizations'),
    (0, common_1.Controller)('plans'),
    __metadata("design:paramtypes", [plans_service_1.PlansService])
], PlansController);
//# sourceMappingURL=plans.controller.js.map