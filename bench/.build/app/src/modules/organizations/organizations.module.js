"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganizationsModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const audit_module_1 = require("../audit/audit.module");
const organization_entity_1 = require("./organization.entity");
const organizations_controller_1 = require("./organizations.controller");
const organizations_service_1 = require("./organizations.service");
const plan_entity_1 = require("./plan.entity");
const plans_controller_1 = require("./plans.controller");
const plans_service_1 = require("./plans.service");
let OrganizationsModule = class OrganizationsModule {
};
exports.OrganizationsModule = OrganizationsModule;
exports.OrganizationsModule = OrganizationsModule = __decorate([
    (0, common_1.Module)({
        imports: [typeorm_1.TypeOrmModule.forFeature([organization_entity_1.OrganizationEntity, plan_entity_1.PlanEntity]), audit_module_1.AuditModule],
        controllers: [organizations_controller_1.OrganizationsController, plans_controller_1.PlansController],
        providers: [organizations_service_1.OrganizationsService, plans_service_1.PlansService],
        exports: [organizations_service_1.OrganizationsService, plans_service_1.PlansService],
    })
], OrganizationsModule);
//# sourceMappingURL=organizations.module.js.map