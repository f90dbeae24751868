import { validationFailed } from 'src/common/validation/validation';
import { UpdateLeadDto } from './dto/update-lead.dto';
import { LeadChange } from './lead-changes';
import { canTransition, LEAD_TRANSITIONS } from './lead-transitions';
import { LeadEntity } from './lead.entity';
import { LeadField, LeadStatus } from './leads.constants';
import { LeadErrorCode, LeadException } from './leads.exceptions';

/** `lost_reason` belongs to a move to LOST: required there, meaningless anywhere else. */
export function assertLostReason(dto: UpdateLeadDto, current: LeadStatus): void {
  if (dto.lost_reason !== undefined && dto.status !== LeadStatus.Lost) {
    throw validationFailed([{ field: 'lost_reason', errors: ['lost_reason is only accepted with status LOST'] }]);
  }
  if (dto.status === LeadStatus.Lost && current !== LeadStatus.Lost && !dto.lost_reason) {
    throw validationFailed([{ field: 'lost_reason', errors: ['lost_reason is required to mark a lead as LOST'] }]);
  }
}

function statusChanges(lead: LeadEntity, dto: UpdateLeadDto, now: Date): LeadChange[] {
  const to = dto.status;
  if (to === undefined) return [];
  if (to === lead.status) {
    if (to !== LeadStatus.Lost || !dto.lost_reason || dto.lost_reason === lead.lostReason) return [];
    const change = { field: LeadField.LostReason, oldValue: lead.lostReason, newValue: dto.lost_reason };
    lead.lostReason = dto.lost_reason;
    return [change];
  }
  if (!canTransition(lead.status, to)) {
    throw new LeadException(LeadErrorCode.InvalidTransition, `A ${lead.status} lead cannot become ${to}`, { from: lead.status, to, allowed: LEAD_TRANSITIONS[lead.status] });
  }
  const change: LeadChange = { field: LeadField.Status, oldValue: lead.status, newValue: to, reason: to === LeadStatus.Lost ? dto.lost_reason : null };
  lead.status = to;
  lead.lostReason = to === LeadStatus.Lost ? (dto.lost_reason ?? null) : null;
  if (to === LeadStatus.Converted) lead.convertedAt = now;
  return [change];
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === b || (a !== null && b !== null && a.getTime() === b.getTime());
}

/**
 * Applies the PATCH to the (locked) lead and returns what changed; fields equal to the current value are
 * not changes. Throws INVALID_TRANSITION (409) for a move the table refuses. The assignee is checked by the caller.
 */
export function applyLeadEdits(lead: LeadEntity, dto: UpdateLeadDto, now = new Date()): LeadChange[] {
  assertLostReason(dto, lead.status);
  const changes = statusChanges(lead, dto, now);
  if (dto.notes !== undefined) {
    const notes = dto.notes || null;
    if (notes !== lead.notes) changes.push({ field: LeadField.Notes, oldValue: lead.notes, newValue: notes });
    lead.notes = notes;
  }
  if (dto.assigned_to_id !== undefined && dto.assigned_to_id !== lead.assignedToId) {
    changes.push({ field: LeadField.AssignedToId, oldValue: lead.assignedToId, newValue: dto.assigned_to_id });
    lead.assignedToId = dto.assigned_to_id;
  }
  if (dto.appointment_at !== undefined) {
    const appointmentAt = dto.appointment_at === null ? null : new Date(dto.appointment_at);
    if (!sameInstant(appointmentAt, lead.appointmentAt)) changes.push({ field: LeadField.AppointmentAt, oldValue: lead.appointmentAt, newValue: appointmentAt });
    lead.appointmentAt = appointmentAt;
  }
  return changes;
}
