import { LeadHistoryValue } from './lead-history.entity';
import { LeadField, LeadStatus } from './leads.constants';

/** One edit of a lead, as the history stores it and a SYSTEM interaction tells it. */
export interface LeadChange {
  field: LeadField;
  oldValue: unknown;
  newValue: unknown;
  reason?: string | null;
}

function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** The sentence a SYSTEM interaction shows for a change; ids stay ids, the dashboard resolves names. */
export function describeChange(change: LeadChange): string {
  const { field, oldValue, newValue, reason } = change;
  const because = reason ? ` (reason: ${reason})` : '';
  switch (field) {
    case LeadField.Status:
      return `Status changed from ${text(oldValue)} to ${text(newValue)}${newValue === LeadStatus.Lost ? because : ''}`;
    case LeadField.LostReason:
      return `Lost reason changed to ${text(newValue)}`;
    case LeadField.AssignedToId:
      return newValue === null ? `Unassigned${because}` : `Assigned to user ${text(newValue)}${because}`;
    case LeadField.Notes:
      return newValue === null ? 'Notes cleared' : 'Notes updated';
    case LeadField.AppointmentAt:
      return newValue === null ? 'Appointment cleared' : `Appointment set for ${text(newValue)}`;
    case LeadField.Deleted:
      return newValue ? 'Lead deleted' : 'Lead restored';
    case LeadField.MergedFrom:
      return `Lead ${text(newValue)} merged into this one`;
  }
}

/** What the history stores for a value: dates as ISO strings, so old and new read the same way as the API. */
export function storedValue(value: unknown): LeadHistoryValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
