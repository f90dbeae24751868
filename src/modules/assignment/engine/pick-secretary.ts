import { AssignmentRule } from '../settings/assignment-settings.entity';

export interface Candidate {
  userId: string;
  lastAssignedAt: Date | null;
  /** Open conversations + leads assigned to her. */
  load: number;
}

function byLastAssigned(a: Candidate, b: Candidate): number {
  // Never assigned counts as longest ago.
  const left = a.lastAssignedAt?.getTime() ?? -Infinity;
  const right = b.lastAssignedAt?.getTime() ?? -Infinity;
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * The secretary the organization's rule picks among `candidates`: round robin takes whoever got an item
 * longest ago; least load the fewest open items, then whoever waited longest. The user id breaks the last
 * tie so every worker picks the same person from the same state.
 */
export function pickSecretary(rule: AssignmentRule, candidates: readonly Candidate[]): Candidate | null {
  if (candidates.length === 0) return null;
  const ordered = [...candidates].sort((a, b) => {
    if (rule === AssignmentRule.LeastLoad && a.load !== b.load) return a.load - b.load;
    return byLastAssigned(a, b) || a.userId.localeCompare(b.userId);
  });
  return ordered[0];
}
