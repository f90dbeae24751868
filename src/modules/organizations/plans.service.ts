import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationErrorCode, OrganizationException } from './organizations.exceptions';
import { PlanCode, PlanEntity } from './plan.entity';
import { PlanResponseDto } from './dto/plan-response.dto';

export type PlanLimit = 'maxUsers' | 'maxWhatsappNumbers' | 'monthlyInboundMessages' | 'monthlyAiTokens';

// Plans change only by migration, so a short in-process cache saves a query on every organization read.
const PLAN_CACHE_TTL_MS = 60_000;

@Injectable()
export class PlansService {
  private cache: { plans: PlanEntity[]; loadedAt: number } | undefined;

  constructor(@InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>) {}

  async list(): Promise<PlanResponseDto[]> {
    return (await this.all()).map(PlanResponseDto.from);
  }

  async get(code: PlanCode): Promise<PlanEntity> {
    const plan = (await this.all()).find((candidate) => candidate.code === code);
    if (!plan) throw new OrganizationException(OrganizationErrorCode.PlanNotFound, `Unknown plan "${code}"`);
    return plan;
  }

  private async all(): Promise<PlanEntity[]> {
    if (!this.cache || Date.now() - this.cache.loadedAt > PLAN_CACHE_TTL_MS) {
      this.cache = { plans: await this.plans.find({ order: { sortOrder: 'ASC' } }), loadedAt: Date.now() };
    }
    return this.cache.plans;
  }

  /** Throws PLAN_LIMIT_REACHED when adding `adding` more would pass the plan's limit (null = unlimited). */
  assertWithinLimit(plan: PlanEntity, limit: PlanLimit, current: number, adding = 1): void {
    const max = plan[limit];
    if (max === null || current + adding <= max) return;
    throw new OrganizationException(
      OrganizationErrorCode.PlanLimitReached,
      `The ${plan.name} plan allows at most ${max} (${limit}); upgrade the plan to add more`,
      { limit, max, current, plan: plan.code },
    );
  }
}
