import { Repository } from 'typeorm';
import { PlanCode, PlanEntity } from './plan.entity';
import { PlansService } from './plans.service';

const plan = (maxUsers: number | null): PlanEntity => ({
  code: PlanCode.Free,
  name: 'Free',
  maxUsers,
  maxWhatsappNumbers: 1,
  monthlyInboundMessages: 500,
  monthlyAiTokens: 100_000,
  sortOrder: 1,
});

describe(PlansService.name, () => {
  const sut = new PlansService({} as Repository<PlanEntity>);

  describe('assertWithinLimit', () => {
    it('should allow adding up to the limit', () => {
      expect(() => sut.assertWithinLimit(plan(3), 'maxUsers', 2)).not.toThrow();
    });

    it('should throw PLAN_LIMIT_REACHED past the limit', () => {
      expect(() => sut.assertWithinLimit(plan(3), 'maxUsers', 3)).toThrow(
        expect.objectContaining({ code: 'PLAN_LIMIT_REACHED' }),
      );
    });

    it('should treat null as unlimited', () => {
      expect(() => sut.assertWithinLimit(plan(null), 'maxUsers', 10_000)).not.toThrow();
    });
  });
});
