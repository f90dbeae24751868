/** Injectable time source, so cool-downs can be tested without waiting. */
export interface Clock {
  now(): number;
}

export const AI_CLOCK = Symbol('AI_CLOCK');

export const systemClock: Clock = { now: () => Date.now() };
