import { ApiProperty } from '@nestjs/swagger';
import { ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { DETAIL_INTERACTION_COUNT } from '../lead-activity.repository';
import { LeadInteractionEntity } from '../lead-interaction.entity';
import { LeadEntity } from '../lead.entity';
import { LeadInteractionDto } from './lead-activity-response.dto';
import { LEAD_SCORE_BANDS, LEAD_SCORE_FACTORS, LeadScoreBand, LeadScoreFactor, LeadScoreReason, LeadSource, LeadStatus } from '../leads.constants';

export class LeadScoreReasonDto {
  @ApiProperty({ enum: LEAD_SCORE_FACTORS, example: 'intent' }) factor!: LeadScoreFactor;
  @ApiProperty({ example: 35, description: 'Signed contribution to the score' }) points!: number;
  @ApiProperty({ example: 'Pediu para agendar uma consulta' }) detail!: string;

  static from(reason: LeadScoreReason): LeadScoreReasonDto {
    return { factor: reason.factor, points: reason.points, detail: reason.detail };
  }
}

export class LeadContactDto {
  @ApiProperty({ example: '5b0c7a2e-1f3d-4c8a-9e6b-2d4f6a8c0e12' }) id!: string;
  @ApiProperty({ example: 'Maria da Silva', nullable: true, type: String }) name!: string | null;
  @ApiProperty({ example: '+5511987654321', nullable: true, type: String }) phone!: string | null;
}

/** A lead in the list: its score and what the AI learned, without the score's breakdown. */
export class LeadSummaryDto {
  @ApiProperty({ example: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6' }) id!: string;
  @ApiProperty({ enum: LeadStatus, example: LeadStatus.Interested }) status!: LeadStatus;
  @ApiProperty({ enum: LeadSource, example: LeadSource.Whatsapp }) source!: LeadSource;
  @ApiProperty({ type: 'integer', example: 72, minimum: 0, maximum: 100, description: 'Maturity: how close the patient is to booking' }) score!: number;
  @ApiProperty({ enum: LEAD_SCORE_BANDS, example: 'hot', nullable: true, description: 'Null until first scored' }) score_band!: LeadScoreBand | null;
  @ApiProperty({ example: '2026-11-22T12:00:01.000Z', nullable: true, type: String, format: 'date-time' }) scored_at!: string | null;
  @ApiProperty({ example: 'Maria', nullable: true, type: String, description: 'The name the patient gave in the chat' }) patient_name!: string | null;
  @ApiProperty({ example: 'limpeza de pele', nullable: true, type: String }) procedure!: string | null;
  @ApiProperty({ example: 'sábado de manhã', nullable: true, type: String }) preferred_time!: string | null;
  @ApiProperty({ example: 'booking', nullable: true, type: String, description: 'The latest intent detected' }) intent!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) assigned_to_id!: string | null;
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e', nullable: true, type: String }) conversation_id!: string | null;
  @ApiProperty({ type: LeadContactDto }) contact!: LeadContactDto;
  @ApiProperty({ example: '2026-11-22T11:58:00.000Z', format: 'date-time' }) created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:00:01.000Z', format: 'date-time' }) updated_at!: string;

  /** `lead.contact` must be loaded (deleted contacts included). */
  static from(lead: LeadEntity): LeadSummaryDto {
    const contact = lead.contact;
    return {
      id: lead.id,
      status: lead.status,
      source: lead.source,
      score: lead.score,
      score_band: lead.scoreBand,
      scored_at: lead.scoredAt?.toISOString() ?? null,
      patient_name: lead.patientName,
      procedure: lead.procedure,
      preferred_time: lead.preferredTime,
      intent: lead.intent,
      assigned_to_id: lead.assignedToId,
      conversation_id: lead.conversationId,
      contact: { id: lead.contactId, name: contact?.name ?? null, phone: contact?.phone ?? null },
      created_at: lead.createdAt.toISOString(),
      updated_at: lead.updatedAt.toISOString(),
    };
  }
}

export class LeadConversationDto {
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) id!: string;
  @ApiProperty({ example: 'WAITING_SECRETARY' }) status!: string;
  @ApiProperty({ example: 'Paciente quer agendar limpeza de pele no sábado.', nullable: true, type: String }) summary!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { patientName: 'Maria', procedure: 'limpeza de pele', preferredTime: 'sábado de manhã', objections: ['price'] },
    description: 'What the AI learned over the conversation',
  })
  context!: Record<string, unknown>;
  @ApiProperty({ example: '2026-11-22T12:00:01.000Z', nullable: true, type: String, format: 'date-time' }) last_message_at!: string | null;
}

export class LeadDetailDto extends LeadSummaryDto {
  @ApiProperty({
    type: [LeadScoreReasonDto],
    description: 'Why the lead has its current score: one entry per factor, points summing to the score',
    example: [
      { factor: 'intent', points: 35, detail: 'Pediu para agendar uma consulta' },
      { factor: 'completeness', points: 20, detail: 'Informou nome e procedimento' },
      { factor: 'objections', points: -5, detail: 'Achou o preço alto' },
    ],
  })
  score_reasons!: LeadScoreReasonDto[];
  @ApiProperty({ example: 'Prefere contato por WhatsApp.', nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time', description: 'Set when the lead reached CONVERTED' }) converted_at!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why the lead was lost; null unless LOST' }) lost_reason!: string | null;
  @ApiProperty({ example: '2026-12-01T13:00:00.000Z', nullable: true, type: String, format: 'date-time' }) appointment_at!: string | null;
  @ApiProperty({ type: LeadConversationDto, nullable: true, description: 'The lead’s conversation, with the AI’s summary and context' })
  conversation!: LeadConversationDto | null;
  @ApiProperty({ type: [String], example: [], description: 'Conversations of leads merged into this one' }) merged_conversation_ids!: string[];
  @ApiProperty({ type: [LeadInteractionDto], description: `The ${DETAIL_INTERACTION_COUNT} latest interactions, newest first; the rest at GET /leads/{id}/interactions` })
  interactions!: LeadInteractionDto[];

  static fromParts(lead: LeadEntity, parts: LeadDetailParts): LeadDetailDto {
    const { conversation } = parts;
    return {
      ...LeadSummaryDto.from(lead),
      score_reasons: lead.scoreReasons.map(LeadScoreReasonDto.from),
      notes: lead.notes,
      converted_at: lead.convertedAt?.toISOString() ?? null,
      lost_reason: lead.lostReason,
      appointment_at: lead.appointmentAt?.toISOString() ?? null,
      conversation: conversation && {
        id: conversation.id,
        status: conversation.status,
        summary: conversation.summary,
        context: { ...conversation.context },
        last_message_at: conversation.lastMessageAt?.toISOString() ?? null,
      },
      merged_conversation_ids: parts.mergedConversationIds,
      interactions: parts.interactions.map(LeadInteractionDto.from),
    };
  }
}

export interface LeadDetailParts {
  conversation: ConversationEntity | null;
  mergedConversationIds: string[];
  interactions: LeadInteractionEntity[];
}

export class LeadDuplicateGroupDto {
  @ApiProperty({ example: '5511987654321', description: 'The normalised phone (digits only) the leads share' }) phone!: string;
  @ApiProperty({ type: [LeadSummaryDto], description: 'Open leads of that patient, oldest first' }) leads!: LeadSummaryDto[];
}
