import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent } from 'src/common/events/domain-events';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { PageQueryDto, Page, toPage } from 'src/common/pagination';
import { ConversationEntity, ConversationOwner, ConversationStatus } from '../conversation.entity';
import { ConversationErrorCode, ConversationException } from '../conversations.exceptions';
import { ConversationsService } from '../conversations.service';
import { changeOwner } from './conversation-ownership';
import { OwnershipChangeReason, OwnershipEventEntity } from './ownership-event.entity';
import { HandbackResponseDto, OwnershipEventResponseDto } from './ownership-event-response.dto';

/** Who answers a conversation — the bot, a person, or nobody — as people change it through the API. */
@Injectable()
export class ConversationOwnershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Gives the conversation back to the bot; a handed-off one waiting for a secretary becomes active again. */
  async handback(actor: AuthUser, id: string): Promise<HandbackResponseDto> {
    const conversation = await this.conversations.findVisible(actor, id);
    if (conversation.status === ConversationStatus.Closed) {
      throw new ConversationException(ConversationErrorCode.Closed, 'The conversation is closed; the patient’s next message starts a new one with the bot');
    }
    const changed = await this.dataSource.transaction(async (manager) => {
      const moved = await changeOwner(manager, {
        organizationId: actor.organizationId,
        conversationId: id,
        toOwnerType: ConversationOwner.Bot,
        reason: OwnershipChangeReason.Handback,
        actorUserId: actor.userId,
      });
      if (moved) {
        // Messages the patient sent meanwhile were for the human; the bot answers from the next one on.
        await manager.getRepository(ConversationEntity).update(
          { id, organizationId: actor.organizationId },
          {
            botFailureStreak: 0,
            handoffReason: null,
            ...(conversation.status === ConversationStatus.WaitingSecretary ? { status: ConversationStatus.Active } : {}),
          },
        );
      }
      return moved;
    });
    if (changed) this.events.emit(DomainEvent.ConversationUpdated, { organizationId: actor.organizationId, conversationId: id, changes: ['owner', 'status'] });
    return { id, owner_type: ConversationOwner.Bot, changed };
  }

  async history(actor: AuthUser, id: string, query: PageQueryDto): Promise<Page<OwnershipEventResponseDto>> {
    await this.conversations.findVisible(actor, id);
    const [events, total] = await this.dataSource.getRepository(OwnershipEventEntity).findAndCount({
      where: { organizationId: actor.organizationId, conversationId: id },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return toPage(events.map(OwnershipEventResponseDto.from), total, query);
  }
}
