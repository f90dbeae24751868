import { EligibleSecretary } from '../availability/availability.service';
import { AssignmentRule } from '../settings/assignment-settings.entity';
import { Candidate, pickSecretary } from './pick-secretary';

export interface Choice {
  userId: string;
  /** Why her: the same patient's other item is hers, or the organization's rule. */
  reason: 'auto_same_patient' | `auto_${AssignmentRule}`;
}

/** The eligible secretaries of one run, their load and turn kept current as the run assigns. */
export class CandidatePool {
  private readonly candidates: Map<string, Candidate>;

  constructor(
    private readonly rule: AssignmentRule,
    eligible: readonly EligibleSecretary[],
    loads: ReadonlyMap<string, number>,
  ) {
    this.candidates = new Map(eligible.map((secretary) => [secretary.userId, { ...secretary, load: loads.get(secretary.userId) ?? 0 }]));
  }

  get size(): number {
    return this.candidates.size;
  }

  /**
   * The patient's lead and conversation stay with one secretary when she is eligible; otherwise the rule
   * picks among `allowed` (a department's members), or among everyone when `allowed` is null.
   */
  choose(allowed: ReadonlySet<string> | null, partnerId: string | null): Choice | null {
    if (partnerId && this.candidates.has(partnerId)) return { userId: partnerId, reason: 'auto_same_patient' };
    const pool = [...this.candidates.values()].filter((candidate) => !allowed || allowed.has(candidate.userId));
    const picked = pickSecretary(this.rule, pool);
    return picked ? { userId: picked.userId, reason: `auto_${this.rule}` } : null;
  }

  recordAssignment(userId: string, at: Date): void {
    const candidate = this.candidates.get(userId);
    if (!candidate) return;
    candidate.load += 1;
    candidate.lastAssignedAt = at;
  }
}
