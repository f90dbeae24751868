import { ApiProperty } from '@nestjs/swagger';
import { ConversationStatus } from '../conversation.entity';
import { ConversationContactSummaryDto } from '../dto/conversation-response.dto';
import { MessageDirection, MessageSender } from '../message.entity';

/** One row of the search query, as Postgres returns it. */
export interface ConversationSearchRow {
  total: string;
  message_id: string | null;
  conversation_id: string;
  occurred_at: Date;
  direction: MessageDirection;
  sender: MessageSender;
  snippet: string;
  rank: number;
  match_count: string;
  status: ConversationStatus;
  assigned_to_id: string | null;
  last_message_at: Date | null;
  contact_id: string;
  contact_name: string | null;
  contact_phone: string | null;
}

export class SearchMatchDto {
  @ApiProperty({ example: '0d2b4f6a-8c1e-4a3c-9e5b-7d9f1b3d5a71' }) message_id!: string;
  @ApiProperty({
    example: 'Boa tarde! Queria marcar uma <mark>limpeza</mark> para sábado, estou com &lt;muita&gt; <mark>dor</mark>',
    description:
      'Where the words matched, HTML-safe: the message text is HTML-escaped (&amp; &lt; &gt;) before highlighting, so ' +
      'the only tags are `<mark>`…`</mark>` around matched words; render it as HTML. Fragments are joined by " … ".',
  })
  snippet!: string;
  @ApiProperty({ enum: MessageDirection, example: MessageDirection.Inbound }) direction!: MessageDirection;
  @ApiProperty({ enum: MessageSender, example: MessageSender.Patient }) sender!: MessageSender;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', format: 'date-time' }) occurred_at!: string;
}

/** A conversation that matched, with its best-matching message. */
export class ConversationSearchResultDto {
  @ApiProperty({ example: '7a1f3c5e-2b4d-4f6a-8c0e-1d3f5b7a9c2e' }) conversation_id!: string;
  @ApiProperty({ enum: ConversationStatus, example: ConversationStatus.Active }) status!: ConversationStatus;
  @ApiProperty({ example: null, nullable: true, type: String }) assigned_to_id!: string | null;
  @ApiProperty({ example: '2026-11-22T12:00:00.000Z', nullable: true, type: String, format: 'date-time' }) last_message_at!: string | null;
  @ApiProperty({ type: ConversationContactSummaryDto }) contact!: ConversationContactSummaryDto;
  @ApiProperty({ example: 0.2, description: 'Relevance of the best message (ts_rank_cd, cover density); higher is better' }) rank!: number;
  @ApiProperty({ example: 3, description: 'How many of the conversation’s messages matched (among the candidates searched)' }) match_count!: number;
  @ApiProperty({ type: SearchMatchDto, description: 'The conversation’s best-matching message' }) match!: SearchMatchDto;

  static from(row: ConversationSearchRow & { message_id: string }): ConversationSearchResultDto {
    return {
      conversation_id: row.conversation_id,
      status: row.status,
      assigned_to_id: row.assigned_to_id,
      last_message_at: row.last_message_at?.toISOString() ?? null,
      contact: { id: row.contact_id, name: row.contact_name, phone: row.contact_phone },
      rank: row.rank,
      match_count: Number(row.match_count),
      match: {
        message_id: row.message_id,
        snippet: row.snippet,
        direction: row.direction,
        sender: row.sender,
        occurred_at: row.occurred_at.toISOString(),
      },
    };
  }
}
