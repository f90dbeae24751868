import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, In } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { DomainEvent } from 'src/common/events/domain-events';
import { TagResponseDto } from 'src/modules/tags/dto/tag.dto';
import { TagEntity } from 'src/modules/tags/tag.entity';
import { tagNotFound } from 'src/modules/tags/tags.exceptions';
import { TagsService } from 'src/modules/tags/tags.service';
import { ConversationsService } from '../conversations.service';
import { ConversationHistoryService } from '../history/conversation-history.service';
import { ConversationTagEntity } from './conversation-tag.entity';

const HISTORY_FIELD = 'tags';

/** Tagging conversations; every change goes to the conversation's history and the real-time feed. */
@Injectable()
export class ConversationTagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsService,
    private readonly tags: TagsService,
    private readonly history: ConversationHistoryService,
    private readonly events: EventEmitter2,
  ) {}

  async list(actor: AuthUser, conversationId: string): Promise<TagResponseDto[]> {
    const conversation = await this.conversations.findVisible(actor, conversationId);
    return ((await this.tagsOf(actor.organizationId, [conversation.id])).get(conversation.id) ?? []).map(TagResponseDto.from);
  }

  /** Tags of each conversation (alphabetical), for list and detail views; conversations without tags are absent. */
  async tagsOf(organizationId: string, conversationIds: string[]): Promise<Map<string, TagEntity[]>> {
    const byConversation = new Map<string, TagEntity[]>();
    if (conversationIds.length === 0) return byConversation;
    const links = await this.dataSource.getRepository(ConversationTagEntity).find({
      where: { organizationId, conversationId: In([...new Set(conversationIds)]) },
      relations: { tag: true },
    });
    for (const link of links) {
      if (!link.tag) continue;
      byConversation.set(link.conversationId, [...(byConversation.get(link.conversationId) ?? []), link.tag]);
    }
    for (const tags of byConversation.values()) tags.sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
    return byConversation;
  }

  /** Idempotent: tagging again changes nothing and records nothing. Answers the conversation's tags. */
  async add(actor: AuthUser, conversationId: string, tagId: string): Promise<TagResponseDto[]> {
    const conversation = await this.conversations.findVisible(actor, conversationId);
    const tag = await this.tags.findInOrganization(actor.organizationId, tagId);
    if (!tag) throw tagNotFound();
    const added = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ConversationTagEntity)
        .values({ organizationId: actor.organizationId, conversationId: conversation.id, tagId: tag.id, createdBy: actor.userId })
        .orIgnore()
        .returning(['tag_id'])
        .execute();
      if (inserted.raw.length === 0) return false;
      await this.history.record(manager, {
        organizationId: actor.organizationId,
        conversationId: conversation.id,
        field: HISTORY_FIELD,
        oldValue: null,
        newValue: { id: tag.id, name: tag.name },
        actorUserId: actor.userId,
        reason: 'tag_added',
      });
      return true;
    });
    if (added) this.announce(actor.organizationId, conversation.id);
    return this.list(actor, conversation.id);
  }

  /** Idempotent as well: removing a tag the conversation does not carry is a 204; an unknown tag is a 404. */
  async remove(actor: AuthUser, conversationId: string, tagId: string): Promise<void> {
    const conversation = await this.conversations.findVisible(actor, conversationId);
    const tag = await this.tags.findInOrganization(actor.organizationId, tagId);
    if (!tag) throw tagNotFound();
    const removed = await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(ConversationTagEntity, { organizationId: actor.organizationId, conversationId: conversation.id, tagId: tag.id });
      if (!result.affected) return false;
      await this.history.record(manager, {
        organizationId: actor.organizationId,
        conversationId: conversation.id,
        field: HISTORY_FIELD,
        oldValue: { id: tag.id, name: tag.name },
        newValue: null,
        actorUserId: actor.userId,
        reason: 'tag_removed',
      });
      return true;
    });
    if (removed) this.announce(actor.organizationId, conversation.id);
  }

  // After the transaction: a listener must never see a tag that a rollback then erases.
  private announce(organizationId: string, conversationId: string): void {
    this.events.emit(DomainEvent.ConversationUpdated, { organizationId, conversationId, changes: [HISTORY_FIELD] });
  }
}
