import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Page, PageQueryDto, toPage } from 'src/common/pagination';
import { ConversationsService } from '../conversations.service';
import { ConversationEventEntity, ConversationEventKind } from './conversation-event.entity';
import { ConversationEventResponseDto } from './dto/conversation-event-response.dto';

export interface ConversationHistoryEntry {
  organizationId: string;
  conversationId: string;
  /** `status`, or the API name of the edited field (`assigned_to_id`, `tags`…). */
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** Null when the system made the change. */
  actorUserId: string | null;
  reason?: string | null;
}

/** The edit history of conversations: status changes and edits of other fields (read state is not history). */
@Injectable()
export class ConversationHistoryService {
  constructor(
    @InjectRepository(ConversationEventEntity) private readonly events: Repository<ConversationEventEntity>,
    private readonly conversations: ConversationsService,
  ) {}

  /** Records one change inside the caller's transaction, so the history never claims a change that rolled back. */
  async record(manager: EntityManager, entry: ConversationHistoryEntry): Promise<void> {
    const kind = entry.field === 'status' ? ConversationEventKind.Status : ConversationEventKind.Field;
    // clock_timestamp(), not now(): now() is the transaction's start, so changes made together would tie and lose their order.
    await manager.query(
      `INSERT INTO conversation_events (organization_id, conversation_id, kind, field, old_value, new_value, reason, actor_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, clock_timestamp())`,
      [entry.organizationId, entry.conversationId, kind, entry.field, toJson(entry.oldValue), toJson(entry.newValue), entry.reason ?? null, entry.actorUserId],
    );
  }

  async list(actor: AuthUser, conversationId: string, query: PageQueryDto): Promise<Page<ConversationEventResponseDto>> {
    await this.conversations.findVisible(actor, conversationId);
    const [events, total] = await this.events.findAndCount({
      where: { organizationId: actor.organizationId, conversationId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return toPage(events.map(ConversationEventResponseDto.from), total, query);
  }
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
