import { FailMode, FailOptions } from 'test/support/fake-waha/fake-waha.types';

export interface FailureRule extends FailOptions {
  mode: FailMode;
  remaining: number;
}

/** Injected failures, consumed in order; the first rule whose prefix matches a request applies. */
export class FailureInjector {
  private rules: FailureRule[] = [];

  add(mode: FailMode, options: FailOptions = {}): void {
    this.rules.push({ ...options, mode, remaining: options.times ?? Infinity });
  }

  /** The rule that applies to a request on `path`, counting it as used. */
  take(path: string): FailureRule | null {
    const rule = this.rules.find((candidate) => !candidate.pathPrefix || path.startsWith(candidate.pathPrefix));
    if (!rule) return null;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return rule;
  }

  clear(): void {
    this.rules = [];
  }
}
