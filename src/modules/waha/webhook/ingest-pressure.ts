import { Injectable } from '@nestjs/common';

/** The longest a processing job defers to webhooks in flight: under constant load it still makes progress. */
export const MAX_DEFERRAL_MS = 200;

/**
 * Webhooks this process is answering right now. Answering WAHA quickly (the event is durable once answered) matters
 * more than processing a moment sooner, so inbound processing in the same process waits for a gap between bursts —
 * bounded by MAX_DEFERRAL_MS. A worker-only process never sees webhooks and never waits.
 */
@Injectable()
export class IngestPressure {
  private inFlight = 0;
  private waiting: (() => void)[] = [];

  enter(): void {
    this.inFlight += 1;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Resolves once no webhook is in flight, or after `maxMs`. */
  calm(maxMs = MAX_DEFERRAL_MS): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, maxMs);
      const waiting = this.waiting;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      waiting.push(done);
    });
  }
}
