import { applyLeadEdits } from './lead-edits';
import { LeadEntity } from './lead.entity';
import { LeadField, LeadStatus } from './leads.constants';

function lead(fields: Partial<LeadEntity> = {}): LeadEntity {
  return Object.assign(new LeadEntity(), {
    id: 'l-1',
    status: LeadStatus.New,
    notes: null,
    assignedToId: null,
    appointmentAt: null,
    convertedAt: null,
    lostReason: null,
    ...fields,
  });
}

const NOW = new Date('2026-11-22T12:00:00.000Z');

describe('applyLeadEdits', () => {
  it('should move along the table and record the change', () => {
    const target = lead();
    expect(applyLeadEdits(target, { status: LeadStatus.Ready }, NOW)).toEqual([{ field: LeadField.Status, oldValue: 'NEW', newValue: 'READY', reason: null }]);
    expect(target.status).toBe(LeadStatus.Ready);
  });

  it('should set converted_at on CONVERTED', () => {
    const target = lead({ status: LeadStatus.Scheduled });
    applyLeadEdits(target, { status: LeadStatus.Converted }, NOW);
    expect(target).toMatchObject({ status: LeadStatus.Converted, convertedAt: NOW });
  });

  it('should throw INVALID_TRANSITION for a move the table refuses', () => {
    expect(() => applyLeadEdits(lead(), { status: LeadStatus.Converted }, NOW)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => applyLeadEdits(lead({ status: LeadStatus.Converted }), { status: LeadStatus.Lost, lost_reason: 'x' }, NOW)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('should require lost_reason for LOST, keep it, and clear it when reopened', () => {
    expect(() => applyLeadEdits(lead(), { status: LeadStatus.Lost }, NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => applyLeadEdits(lead(), { status: LeadStatus.Ready, lost_reason: 'Preço' }, NOW)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const target = lead();
    expect(applyLeadEdits(target, { status: LeadStatus.Lost, lost_reason: 'Preço' }, NOW)).toEqual([
      { field: LeadField.Status, oldValue: 'NEW', newValue: 'LOST', reason: 'Preço' },
    ]);
    expect(target.lostReason).toBe('Preço');
    applyLeadEdits(target, { status: LeadStatus.Engaged }, NOW);
    expect(target).toMatchObject({ status: LeadStatus.Engaged, lostReason: null });
  });

  it('should record only fields that really change', () => {
    const appointment = '2026-12-01T13:00:00.000Z';
    const target = lead({ notes: 'igual', appointmentAt: new Date(appointment), assignedToId: 'u-1' });
    expect(applyLeadEdits(target, { status: LeadStatus.New, notes: 'igual', appointment_at: appointment, assigned_to_id: 'u-1' }, NOW)).toEqual([]);
    expect(applyLeadEdits(target, { notes: '', appointment_at: null, assigned_to_id: null }, NOW).map((change) => change.field)).toEqual([
      LeadField.Notes,
      LeadField.AssignedToId,
      LeadField.AppointmentAt,
    ]);
    expect(target).toMatchObject({ notes: null, appointmentAt: null, assignedToId: null });
  });
});
