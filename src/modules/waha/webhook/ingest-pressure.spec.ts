import { IngestPressure } from './ingest-pressure';

describe(IngestPressure.name, () => {
  let pressure: IngestPressure;
  let calmed: boolean;

  const watch = (maxMs?: number): void => {
    calmed = false;
    void pressure.calm(maxMs).then(() => (calmed = true));
  };
  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    pressure = new IngestPressure();
  });

  afterEach(() => jest.useRealTimers());

  it('should not wait when no webhook is in flight', async () => {
    watch();
    await flush();
    expect(calmed).toBe(true);
  });

  it('should wait until the last webhook in flight is answered', async () => {
    pressure.enter();
    pressure.enter();
    watch();
    pressure.leave();
    await flush();
    expect(calmed).toBe(false);
    pressure.leave();
    await flush();
    expect(calmed).toBe(true);
  });

  it('should stop waiting after the deferral limit under constant load', async () => {
    pressure.enter();
    watch(200);
    jest.advanceTimersByTime(199);
    await flush();
    expect(calmed).toBe(false);
    jest.advanceTimersByTime(1);
    await flush();
    expect(calmed).toBe(true);
  });

  it('should never count below zero', async () => {
    pressure.leave();
    pressure.enter();
    watch();
    await flush();
    expect(calmed).toBe(false);
    pressure.leave();
    await flush();
    expect(calmed).toBe(true);
  });
});
