import { formatClock24, intervalsProblem, parseEnd, parseStart, toMinuteIntervals } from './time-of-day';

describe('parseStart / parseEnd', () => {
  it.each([
    ['08:00', 480, 480],
    ['23:59', 1439, 1439],
    ['00:00', 0, 0],
    ['24:00', null, 1440],
    ['8:00', null, null],
    ['24:30', null, null],
    ['12:60', null, null],
    ['12h', null, null],
    [800, null, null],
  ])('should read %j as start %j and end %j', (value, start, end) => {
    expect(parseStart(value)).toBe(start);
    expect(parseEnd(value)).toBe(end);
  });
});

describe('intervalsProblem', () => {
  it('should accept separate intervals in any order, touching ones included', () => {
    expect(intervalsProblem([{ start: '13:00', end: '19:00' }, { start: '08:00', end: '12:00' }, { start: '19:00', end: '24:00' }])).toBeNull();
  });

  it('should refuse an interval that ends before it starts, or as it starts', () => {
    expect(intervalsProblem([{ start: '13:00', end: '12:00' }])).toBe('interval 0 must end after it starts (got 13:00–12:00)');
    expect(intervalsProblem([{ start: '08:00', end: '12:00' }, { start: '14:00', end: '14:00' }])).toBe('interval 1 must end after it starts (got 14:00–14:00)');
  });

  it('should refuse overlapping intervals, naming both', () => {
    expect(intervalsProblem([{ start: '08:00', end: '12:00' }, { start: '11:30', end: '14:00' }])).toBe('intervals 08:00–12:00 and 11:30–14:00 overlap');
  });

  it('should leave malformed times to the format check', () => {
    expect(intervalsProblem([{ start: '8h', end: '12:00' }])).toBeNull();
  });
});

describe('toMinuteIntervals', () => {
  it('should sort and drop unusable intervals', () => {
    expect(toMinuteIntervals([{ start: '13:00', end: '19:00' }, { start: 'x', end: '12:00' }, { start: '08:00', end: '12:00' }])).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1140 },
    ]);
  });
});

describe('formatClock24', () => {
  it.each([
    [480, '8h'],
    [510, '8h30'],
    [1080, '18h'],
    [1440, '24h'],
  ])('should write %d minutes as %s', (minutes, text) => {
    expect(formatClock24(minutes)).toBe(text);
  });
});
