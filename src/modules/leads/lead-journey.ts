import { JourneyStepDto, JourneyStepType, LeadJourneyDto } from './dto/lead-journey-response.dto';
import { LeadHistoryEntity } from './lead-history.entity';
import { LeadInteractionEntity } from './lead-interaction.entity';
import { LeadEntity } from './lead.entity';
import { LeadField } from './leads.constants';

export interface JourneyInput {
  lead: Pick<LeadEntity, 'id' | 'createdAt' | 'appointmentAt'>;
  firstMessages: { conversationId: string; at: Date }[];
  history: LeadHistoryEntity[];
  interactions: LeadInteractionEntity[];
}

type Step = Omit<JourneyStepDto, 'at' | 'since_previous_ms'> & { at: Date };

const INTERACTION_TITLE_MAX_LENGTH = 120;

function step(type: JourneyStepType, at: Date, title: string, details: Partial<Omit<Step, 'type' | 'at' | 'title'>> = {}): Step {
  return { type, at, title, actor_user_id: null, from_status: null, to_status: null, assigned_to_id: null, interaction_type: null, conversation_id: null, ...details };
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function historySteps(entry: LeadHistoryEntity): Step[] {
  const actor = { actor_user_id: entry.actorUserId };
  if (entry.field === LeadField.Status) {
    const from = asText(entry.oldValue);
    const to = asText(entry.newValue);
    return [step(JourneyStepType.StatusChanged, entry.createdAt, `Status changed from ${from} to ${to}`, { ...actor, from_status: from, to_status: to })];
  }
  if (entry.field === LeadField.AssignedToId) {
    const assignee = asText(entry.newValue);
    return [step(JourneyStepType.Assigned, entry.createdAt, assignee ? `Assigned to user ${assignee}` : 'Unassigned', { ...actor, assigned_to_id: assignee })];
  }
  return [];
}

/**
 * The lead's timeline, oldest first, each step with the time since the previous one. Steps at the same
 * instant keep the order they were gathered in (first message, creation, edits, interactions, appointment).
 */
export function buildJourney(input: JourneyInput): LeadJourneyDto {
  const { lead } = input;
  const steps: Step[] = [
    ...input.firstMessages.map(({ conversationId, at }) =>
      step(JourneyStepType.FirstMessage, at, 'First message from the patient', { conversation_id: conversationId }),
    ),
    step(JourneyStepType.LeadCreated, lead.createdAt, 'Lead created'),
    ...input.history.flatMap(historySteps),
    ...input.interactions.map((interaction) =>
      step(JourneyStepType.Interaction, interaction.occurredAt, `${interaction.type}: ${interaction.body.slice(0, INTERACTION_TITLE_MAX_LENGTH)}`, {
        actor_user_id: interaction.authorId,
        interaction_type: interaction.type,
      }),
    ),
  ];
  if (lead.appointmentAt) steps.push(step(JourneyStepType.Appointment, lead.appointmentAt, `Appointment at ${lead.appointmentAt.toISOString()}`));

  const ordered = steps.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index);
  const dtos = ordered.map(({ entry }, position) => ({
    ...entry,
    at: entry.at.toISOString(),
    since_previous_ms: position === 0 ? null : entry.at.getTime() - ordered[position - 1].entry.at.getTime(),
  }));
  const first = ordered[0]?.entry.at.getTime();
  const last = ordered[ordered.length - 1]?.entry.at.getTime();
  return { lead_id: lead.id, steps: dtos, total_ms: first === undefined || last === undefined ? null : last - first };
}
