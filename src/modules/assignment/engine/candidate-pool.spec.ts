import { AssignmentRule } from '../settings/assignment-settings.entity';
import { CandidatePool } from './candidate-pool';

const T = new Date('2026-11-24T12:00:00Z');
const eligible = [
  { userId: 'ana', lastAssignedAt: null },
  { userId: 'bia', lastAssignedAt: null },
  { userId: 'cris', lastAssignedAt: null },
];

describe(CandidatePool.name, () => {
  it('should rotate through everyone under round robin as assignments are recorded', () => {
    const pool = new CandidatePool(AssignmentRule.RoundRobin, eligible, new Map());
    const picked: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const choice = pool.choose(null, null);
      picked.push(choice?.userId ?? '');
      pool.recordAssignment(choice?.userId ?? '', new Date(T.getTime() + index));
    }
    expect(picked).toEqual(['ana', 'bia', 'cris', 'ana', 'bia', 'cris']);
  });

  it('should fill the least loaded first under least load', () => {
    const pool = new CandidatePool(AssignmentRule.LeastLoad, eligible, new Map([['ana', 3], ['bia', 1]]));
    const picked: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      const choice = pool.choose(null, null);
      picked.push(choice?.userId ?? '');
      pool.recordAssignment(choice?.userId ?? '', new Date(T.getTime() + index));
    }
    expect(picked).toEqual(['cris', 'bia', 'cris', 'bia']);
  });

  it('should keep the patient with the secretary of the other item when she is eligible', () => {
    const pool = new CandidatePool(AssignmentRule.RoundRobin, eligible, new Map());
    expect(pool.choose(new Set(['ana']), 'cris')).toEqual({ userId: 'cris', reason: 'auto_same_patient' });
    expect(pool.choose(null, 'someone-away')).toEqual({ userId: 'ana', reason: 'auto_round_robin' });
  });

  it('should pick only department members, and nobody when none is eligible', () => {
    const pool = new CandidatePool(AssignmentRule.RoundRobin, eligible, new Map());
    expect(pool.choose(new Set(['bia', 'outsider']), null)?.userId).toBe('bia');
    expect(pool.choose(new Set(['outsider']), null)).toBeNull();
    expect(pool.choose(new Set(), null)).toBeNull();
  });
});
