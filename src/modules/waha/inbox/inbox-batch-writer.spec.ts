import { DataSource } from 'typeorm';
import { InboxBatchWriter, InboxRow } from './inbox-batch-writer';
import { InboxEventStatus } from './waha-inbox-event.entity';

const row = (eventId: string): InboxRow => ({
  organizationId: 'org',
  sessionId: 'session',
  eventId,
  event: 'message',
  payload: '{}',
  status: InboxEventStatus.Pending,
  outcome: null,
});

describe(InboxBatchWriter.name, () => {
  let query: jest.Mock;
  let sut: InboxBatchWriter;

  beforeEach(() => {
    query = jest.fn();
    sut = new InboxBatchWriter({ query } as unknown as DataSource);
  });

  it('should write rows that arrive while inserts are in flight together in one statement', async () => {
    let release: () => void = () => undefined;
    query.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve([{ id: 'a', session_id: 'session', event_id: 'e0' }]))));
    query.mockImplementation((_sql: string, params: string[][]) =>
      Promise.resolve(params[2].map((eventId, index) => ({ id: `id-${eventId}-${index}`, session_id: 'session', event_id: eventId }))),
    );
    const first = sut.write(row('e0'));
    // Four inserts may run at once; everything after that waits and is batched.
    const others = Array.from({ length: 13 }, (_, index) => sut.write(row(`e${index + 1}`)));
    release();
    await Promise.all([first, ...others]);
    expect(query.mock.calls.length).toBeLessThan(14);
    const batched = query.mock.calls.map(([, params]) => (params as string[][])[2].length);
    expect(batched.reduce((sum, size) => sum + size, 0)).toBe(14);
  });

  it('should give the row to the first of two identical events and report the others as duplicates', async () => {
    // Behaves like ON CONFLICT DO NOTHING: a key is returned only the first time it is inserted.
    const stored = new Set<string>();
    query.mockImplementation((_sql: string, params: string[][]) => {
      const fresh = [...new Set(params[2])].filter((eventId) => !stored.has(eventId));
      fresh.forEach((eventId) => stored.add(eventId));
      return Promise.resolve(fresh.map((eventId) => ({ id: `id-${eventId}`, session_id: 'session', event_id: eventId })));
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => sut.write(row('same'))));
    expect(results.filter((result) => result.id !== null)).toEqual([{ id: 'id-same' }]);
  });

  it('should report an event already stored as a duplicate', async () => {
    query.mockResolvedValue([]);
    await expect(sut.write(row('old'))).resolves.toEqual({ id: null });
  });

  it('should isolate a bad row: its neighbours are written one by one and only it fails', async () => {
    query.mockImplementation((_sql: string, params: string[][]) => {
      const events = params[2];
      if (events.includes('bad')) return Promise.reject(new Error('invalid input'));
      return Promise.resolve(events.map((eventId) => ({ id: `id-${eventId}`, session_id: 'session', event_id: eventId })));
    });
    let release: () => void = () => undefined;
    query.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve([{ id: 'id-x', session_id: 'session', event_id: 'x' }]))));
    const blockers = [sut.write(row('x')), sut.write(row('y')), sut.write(row('z')), sut.write(row('w'))];
    const good = sut.write(row('good'));
    const bad = sut.write(row('bad'));
    release();
    await Promise.all(blockers);
    await expect(good).resolves.toEqual({ id: 'id-good' });
    await expect(bad).rejects.toThrow('invalid input');
  });
});
