import { AssignmentRule } from '../settings/assignment-settings.entity';
import { Candidate, pickSecretary } from './pick-secretary';

const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 24, 12, minute));
const ana: Candidate = { userId: 'a', lastAssignedAt: at(5), load: 1 };
const bia: Candidate = { userId: 'b', lastAssignedAt: at(1), load: 4 };
const cris: Candidate = { userId: 'c', lastAssignedAt: null, load: 2 };

describe(pickSecretary.name, () => {
  it('should answer null without candidates', () => {
    expect(pickSecretary(AssignmentRule.RoundRobin, [])).toBeNull();
  });

  describe('round robin', () => {
    it('should pick who was never assigned, then who got an item longest ago', () => {
      expect(pickSecretary(AssignmentRule.RoundRobin, [ana, bia, cris])).toBe(cris);
      expect(pickSecretary(AssignmentRule.RoundRobin, [ana, bia])).toBe(bia);
    });

    it('should ignore load', () => {
      expect(pickSecretary(AssignmentRule.RoundRobin, [{ ...ana, load: 0 }, bia])).toBe(bia);
    });

    it('should break a tie by user id', () => {
      expect(pickSecretary(AssignmentRule.RoundRobin, [{ ...ana, userId: 'z', lastAssignedAt: null }, cris])).toBe(cris);
    });
  });

  describe('least load', () => {
    it('should pick the fewest open items', () => {
      expect(pickSecretary(AssignmentRule.LeastLoad, [bia, cris, ana])).toBe(ana);
    });

    it('should break a load tie by who got an item longest ago', () => {
      expect(pickSecretary(AssignmentRule.LeastLoad, [{ ...ana, load: 2 }, cris])).toBe(cris);
    });
  });
});
