import { describeChange, storedValue } from './lead-changes';
import { LeadField, LeadStatus } from './leads.constants';

describe('describeChange', () => {
  it.each([
    [{ field: LeadField.Status, oldValue: LeadStatus.New, newValue: LeadStatus.Ready }, 'Status changed from NEW to READY'],
    [{ field: LeadField.Status, oldValue: LeadStatus.Ready, newValue: LeadStatus.Lost, reason: 'Preço' }, 'Status changed from READY to LOST (reason: Preço)'],
    [{ field: LeadField.LostReason, oldValue: 'Preço', newValue: 'Distância' }, 'Lost reason changed to Distância'],
    [{ field: LeadField.AssignedToId, oldValue: null, newValue: 'u-1' }, 'Assigned to user u-1'],
    [{ field: LeadField.AssignedToId, oldValue: 'u-1', newValue: null, reason: 'deactivated' }, 'Unassigned (reason: deactivated)'],
    [{ field: LeadField.Notes, oldValue: null, newValue: 'x' }, 'Notes updated'],
    [{ field: LeadField.Notes, oldValue: 'x', newValue: null }, 'Notes cleared'],
    [{ field: LeadField.AppointmentAt, oldValue: null, newValue: new Date('2026-12-01T13:00:00Z') }, 'Appointment set for 2026-12-01T13:00:00.000Z'],
    [{ field: LeadField.AppointmentAt, oldValue: '2026-12-01T13:00:00Z', newValue: null }, 'Appointment cleared'],
    [{ field: LeadField.Deleted, oldValue: false, newValue: true }, 'Lead deleted'],
    [{ field: LeadField.Deleted, oldValue: true, newValue: false }, 'Lead restored'],
    [{ field: LeadField.MergedFrom, oldValue: null, newValue: 'l-2' }, 'Lead l-2 merged into this one'],
  ])('should describe %o', (change, expected) => {
    expect(describeChange(change)).toBe(expected);
  });
});

describe('storedValue', () => {
  it('should store dates as ISO strings and undefined as null', () => {
    expect(storedValue(new Date('2026-12-01T13:00:00Z'))).toBe('2026-12-01T13:00:00.000Z');
    expect(storedValue(undefined)).toBeNull();
    expect(storedValue('READY')).toBe('READY');
  });
});
