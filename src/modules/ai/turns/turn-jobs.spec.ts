import { debounceDelayMs, turnJobId } from './turn-jobs';

describe('debounceDelayMs', () => {
  const now = 1_000_000;

  it('should wait the debounce after the newest message', () => {
    expect(debounceDelayMs(now, new Date(now - 1_000), 3_000, 15_000)).toBe(3_000);
  });

  it('should never wait past the cap counted from the first unanswered message', () => {
    expect(debounceDelayMs(now, new Date(now - 14_000), 3_000, 15_000)).toBe(1_000);
    expect(debounceDelayMs(now, new Date(now - 20_000), 3_000, 15_000)).toBe(0);
  });

  it('should not wait at all with a zero debounce', () => {
    expect(debounceDelayMs(now, null, 0, 15_000)).toBe(0);
  });
});

describe('turnJobId', () => {
  it('should name one job per conversation state, and a fresh one when the sweeper re-arms it', () => {
    expect(turnJobId('c1', 3)).toBe('turn-c1-3');
    expect(turnJobId('c1', 3)).toBe(turnJobId('c1', 3));
    expect(turnJobId('c1', 3, 1234)).toBe('turn-c1-3-r1234');
  });
});
