import { canTransition, LEAD_TRANSITIONS } from './lead-transitions';
import { LeadStatus } from './leads.constants';

const ALL = Object.values(LeadStatus);
const ALLOWED: [LeadStatus, LeadStatus[]][] = [
  [LeadStatus.New, [LeadStatus.Engaged, LeadStatus.Interested, LeadStatus.Ready, LeadStatus.Scheduled, LeadStatus.Lost]],
  [LeadStatus.Engaged, [LeadStatus.Interested, LeadStatus.Ready, LeadStatus.Scheduled, LeadStatus.Lost]],
  [LeadStatus.Interested, [LeadStatus.Ready, LeadStatus.Scheduled, LeadStatus.Lost, LeadStatus.Engaged]],
  [LeadStatus.Ready, [LeadStatus.Scheduled, LeadStatus.Lost, LeadStatus.Interested]],
  [LeadStatus.Scheduled, [LeadStatus.Converted, LeadStatus.Lost, LeadStatus.Ready]],
  [LeadStatus.Converted, []],
  [LeadStatus.Lost, [LeadStatus.New, LeadStatus.Engaged]],
];

describe('lead transitions', () => {
  it('should cover every status', () => {
    expect(Object.keys(LEAD_TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  describe.each(ALLOWED)('from %s', (from, allowed) => {
    it.each(ALL)(`should allow exactly the listed moves (to %s)`, (to) => {
      expect(canTransition(from, to)).toBe(allowed.includes(to));
    });
  });

  it('should never allow staying in place, leaving CONVERTED, or converting without scheduling', () => {
    for (const status of ALL) expect(canTransition(status, status)).toBe(false);
    for (const to of ALL) expect(canTransition(LeadStatus.Converted, to)).toBe(false);
    for (const from of ALL.filter((status) => status !== LeadStatus.Scheduled)) expect(canTransition(from, LeadStatus.Converted)).toBe(false);
  });
});
