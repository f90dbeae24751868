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
exports.PlansService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const organizations_exceptions_1 = require("./organizations.exceptions");
const plan_entity_1 = require("./plan.entity");
const plan_response_dto_1 = require("./dto/plan-response.dto");
const PLAN_CACHE_TTL_MS = 60_000;
let PlansService = class PlansService {
    plans;
    cache;
    constructor(plans) {
        this.plans = plans;
    }
    async list() {
        return (await this.all()).map(plan_response_dto_1.PlanResponseDto.from);
    }
    async get(code) {
        const plan = (await this.all()).find((candidate) => candidate.code === code);
        if (!plan)
            throw new organizations_exceptions_1.OrganizationException(organizations_exceptions_1.OrganizationErrorCode.PlanNotFound, `Unknown plan "${code}"`);
        return plan;
    }
    async all() {
        if (!this.cache || Date.now() - this.cache.loadedAt > PLAN_CACHE_TTL_MS) {
            this.cache = { plans: await this.plans.find({ order: { sortOrder: 'ASC' } }), loadedAt: Date.now() };
        }
        return this.cache.plans;
    }
    assertWithinLimit(plan, limit, current, adding = 1) {
        const max = plan[limit];
        if (max === null || current + adding <= max)
            return;
        throw new organizations_exceptions_1.OrganizationException(organizations_exceptions_1.OrganizationErrorCode.PlanLimitReached, `The ${plan.name} plan allows at most ${max} (${limit}); upgrade the plan to add more`, { limit, max, current, plan: plan.code });
    }
};
exports.PlansService = PlansService;
exports.PlansService = PlansService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(plan_entity_1.PlanEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], PlansService);
//# sourceMappingURL=plans.service.js.map