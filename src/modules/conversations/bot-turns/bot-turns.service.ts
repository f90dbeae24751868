import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DomainEvent } from 'src/common/events/domain-events';
import { ContactsService } from 'src/modules/contacts/contacts.service';
import { ConversationContext, ConversationEntity, ConversationOwner, ConversationStatus } from '../conversation.entity';
import { MediaStorage } from '../media/media-storage';
import { MediaStatus, MessageDirection, MessageEntity, MessageSender, MessageStatus, MessageType } from '../message.entity';
import { OutboundMessagesService } from '../outbound/outbound-messages.service';
import { changeOwner } from '../ownership/conversation-ownership';
import { OwnershipChangeReason } from '../ownership/ownership-event.entity';
import { AutomationKind } from './automation-kind';

export interface BotReply {
  text: string;
  kind: AutomationKind;
}

/** What one analysed burst changes, written at once or not at all. */
export interface TurnCommit {
  /** The conversation's inbound count the turn saw; the watermark moves to it only if it is still current. */
  answeredCount: number;
  /** Replies require the bot to own the conversation at commit time; analysis alone does not. */
  replies: BotReply[];
  context?: ConversationContext;
  summary?: string;
  status?: ConversationStatus;
  urgent?: boolean;
  /** Hand the conversation to humans (owner: nobody) for this reason. */
  handoff?: OwnershipChangeReason;
  /** Consecutive model failures after this turn (0 resets). */
  failureStreak?: number;
  /** The patient asked to stop (true) or resume (false) automated messages. */
  contactOptOut?: boolean;
}

export type TurnCommitResult = { committed: true; messageIds: string[] } | { committed: false; reason: 'newer_messages' | 'not_bot_owned' | 'already_answered' };

export interface TurnMessages {
  /** The unanswered patient messages, oldest first. */
  burst: MessageEntity[];
  /** Earlier messages of the conversation, oldest first. */
  history: MessageEntity[];
}

/**
 * The conversation side of the bot's turn-taking: state to decide on, messages to read, and the one
 * transaction that moves the watermark by compare-and-set and queues the replies with it.
 */
@Injectable()
export class BotTurnsService {
  private readonly logger = new Logger(BotTurnsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contacts: ContactsService,
    private readonly outbound: OutboundMessagesService,
    private readonly events: EventEmitter2,
    private readonly media: MediaStorage,
  ) {}

  /** The bytes of a stored media message (a voice note to transcribe), or null when not (yet) stored or too big. */
  async readMedia(message: MessageEntity, maxBytes: number): Promise<Buffer | null> {
    if (message.mediaStatus !== MediaStatus.Stored || !message.mediaStorageKey || (message.mediaSize ?? 0) > maxBytes) return null;
    const stream = await this.media.open(message.mediaStorageKey);
    if (!stream) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }

  async findState(organizationId: string, conversationId: string): Promise<ConversationEntity | null> {
    return this.dataSource.getRepository(ConversationEntity).findOneBy({ id: conversationId, organizationId });
  }

  /** The turn state of several conversations of one organization, in one query. */
  async findStates(organizationId: string, conversationIds: string[]): Promise<ConversationEntity[]> {
    if (conversationIds.length === 0) return [];
    return this.dataSource.getRepository(ConversationEntity).findBy({ organizationId, id: In(conversationIds) });
  }

  /** The bot is off: the patient messages count as seen, so nothing waits for a turn that will never come. */
  async markAllSeen(organizationId: string, conversationIds: string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE conversations SET bot_answered_count = inbound_count, bot_pending_since = NULL
       WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND inbound_count > bot_answered_count`,
      [organizationId, conversationIds],
    );
  }

  async loadTurnMessages(conversation: ConversationEntity, historyLimit: number): Promise<TurnMessages> {
    const pending = conversation.inboundCount - conversation.botAnsweredCount;
    const repository = this.dataSource.getRepository(MessageEntity);
    const burst = pending <= 0 ? [] : await repository.find({
      where: { organizationId: conversation.organizationId, conversationId: conversation.id, direction: MessageDirection.Inbound },
      order: { occurredAt: 'DESC', createdAt: 'DESC' },
      take: pending,
    });
    const oldest = burst.at(-1);
    const history = await repository
      .createQueryBuilder('message')
      .where('message.organization_id = :organizationId AND message.conversation_id = :conversationId', {
        organizationId: conversation.organizationId,
        conversationId: conversation.id,
      })
      .andWhere(oldest ? 'message.occurred_at < :before' : '1 = 1', { before: oldest?.occurredAt })
      .andWhere("message.status <> 'failed'")
      .orderBy('message.occurred_at', 'DESC')
      .take(historyLimit)
      .getMany();
    return { burst: burst.reverse(), history: history.reverse() };
  }

  /** Bot-owned conversations whose unanswered burst began before `before`, oldest first. */
  async findUnanswered(before: Date, limit: number): Promise<{ organizationId: string; conversationId: string }[]> {
    const rows: { organization_id: string; id: string }[] = await this.dataSource.query(
      `SELECT organization_id, id FROM conversations
       WHERE inbound_count > bot_answered_count AND owner_type = 'bot' AND bot_pending_since < $1
       ORDER BY bot_pending_since LIMIT $2`,
      [before, limit],
    );
    return rows.map((row) => ({ organizationId: row.organization_id, conversationId: row.id }));
  }

  /** Summaries of the patient's earlier conversations (newest first): what a returning patient already told us. */
  async patientMemory(conversation: ConversationEntity, limit: number): Promise<string[]> {
    const rows: { summary: string }[] = await this.dataSource.query(
      `SELECT summary FROM conversations
       WHERE organization_id = $1 AND contact_id = $2 AND id <> $3 AND summary IS NOT NULL
       ORDER BY created_at DESC LIMIT $4`,
      [conversation.organizationId, conversation.contactId, conversation.id, limit],
    );
    return rows.map((row) => row.summary);
  }

  /** A human who went quiet for `idleMinutes` gives the conversation back to the bot; true when it did. */
  async reclaimFromIdleHuman(conversation: ConversationEntity, idleMinutes: number, now: Date): Promise<boolean> {
    if (conversation.ownerType !== ConversationOwner.Human || idleMinutes <= 0) return false;
    const lastHumanActivity = conversation.humanTakeoverAt?.getTime() ?? 0;
    if (now.getTime() - lastHumanActivity < idleMinutes * 60_000) return false;
    return this.dataSource.transaction((manager) =>
      changeOwner(manager, {
        organizationId: conversation.organizationId,
        conversationId: conversation.id,
        toOwnerType: ConversationOwner.Bot,
        reason: OwnershipChangeReason.HumanIdle,
      }),
    );
  }

  /**
   * Moves the watermark from whatever it is to `answeredCount` only while no newer patient message exists
   * (and, to send replies, while the bot owns the conversation), and writes everything else with it. A
   * second worker holding the same burst, or a draft overtaken by a new message, changes nothing.
   */
  async commit(organizationId: string, conversationId: string, turn: TurnCommit): Promise<TurnCommitResult> {
    // The replies' times are fixed first so the one conversation UPDATE can also move last_message_at.
    const firstReplyAt = Date.now();
    const lastReplyAt = turn.replies.length > 0 ? new Date(firstReplyAt + turn.replies.length - 1) : null;
    const outcome = await this.dataSource.transaction(async (manager) => {
      // One statement moves the watermark and writes the turn's changes: every UPDATE of this row rewrites all
      // its indexes. An UPDATE through manager.query resolves to [rows, affected count].
      const [moved]: [{ contact_id: string; session_id: string }[], number] = await manager.query(
        `UPDATE conversations SET bot_answered_count = $3, bot_pending_since = NULL, updated_at = now(),
                context = COALESCE($5::jsonb, context),
                summary = CASE WHEN $6::boolean THEN $7::text ELSE summary END,
                status = COALESCE($8::varchar, status),
                bot_failure_streak = COALESCE($9::smallint, bot_failure_streak),
                handoff_reason = COALESCE($10::varchar, handoff_reason),
                urgent = urgent OR $11::boolean,
                urgent_at = CASE WHEN $11::boolean AND NOT urgent THEN now() ELSE urgent_at END,
                last_message_at = GREATEST(last_message_at, $12::timestamptz)
         WHERE id = $1 AND organization_id = $2 AND inbound_count = $3 AND bot_answered_count < $3
           AND ($4::boolean = false OR owner_type = 'bot')
         RETURNING contact_id, session_id`,
        [
          conversationId,
          organizationId,
          turn.answeredCount,
          turn.replies.length > 0,
          turn.context ? JSON.stringify(turn.context) : null,
          turn.summary !== undefined,
          turn.summary ?? null,
          turn.status ?? null,
          turn.failureStreak ?? null,
          turn.handoff ?? null,
          turn.urgent === true,
          lastReplyAt,
        ],
      );
      if (moved.length === 0) return null;
      const [{ contact_id: contactId, session_id: sessionId }] = moved;
      if (turn.handoff) await changeOwner(manager, { organizationId, conversationId, toOwnerType: ConversationOwner.Nobody, reason: turn.handoff });
      if (turn.contactOptOut !== undefined) await this.contacts.setOptOutByPatient(manager, organizationId, contactId, turn.contactOptOut);
      return this.insertReplies(manager, { organizationId, conversationId, sessionId }, turn.replies, firstReplyAt);
    });
    if (!outcome) return { committed: false, reason: await this.whyNotCommitted(organizationId, conversationId, turn) };
    for (const message of outcome) await this.outbound.announceAndEnqueue(message);
    const changes = [
      ...(turn.status ? ['status'] : []),
      ...(turn.handoff ? ['owner'] : []),
      ...(turn.urgent ? ['urgent'] : []),
      ...(turn.context ? ['context'] : []),
    ];
    if (changes.length > 0) this.events.emit(DomainEvent.ConversationUpdated, { organizationId, conversationId, changes });
    if (turn.handoff) {
      this.events.emit(DomainEvent.ConversationHandedOff, { organizationId, conversationId, reason: turn.handoff, urgent: turn.urgent === true });
    }
    return { committed: true, messageIds: outcome.map((message) => message.id) };
  }

  /**
   * A model failure on the burst the conversation holds now: counts it (once per failure, by compare-and-set
   * on the streak) and queues the one apology, without moving the watermark, so the turn is retried.
   */
  async recordFailure(organizationId: string, conversationId: string, inboundCount: number, streak: number, apology: string | null): Promise<boolean> {
    const at = Date.now();
    const queued = await this.dataSource.transaction(async (manager) => {
      const [counted]: [{ session_id: string }[], number] = await manager.query(
        `UPDATE conversations SET bot_failure_streak = $4, updated_at = now(),
                last_message_at = CASE WHEN $5::boolean THEN GREATEST(last_message_at, $6::timestamptz) ELSE last_message_at END
         WHERE id = $1 AND organization_id = $2 AND inbound_count = $3 AND bot_failure_streak = $4 - 1 RETURNING session_id`,
        [conversationId, organizationId, inboundCount, streak, apology !== null, new Date(at)],
      );
      if (counted.length === 0) return null;
      if (!apology) return [];
      return this.insertReplies(manager, { organizationId, conversationId, sessionId: counted[0].session_id }, [{ text: apology, kind: AutomationKind.Fallback }], at);
    });
    for (const message of queued ?? []) await this.outbound.announceAndEnqueue(message);
    return queued !== null;
  }

  private async insertReplies(
    manager: EntityManager,
    where: { organizationId: string; conversationId: string; sessionId: string },
    replies: BotReply[],
    firstAt: number,
  ): Promise<MessageEntity[]> {
    if (replies.length === 0) return [];
    const repository = manager.getRepository(MessageEntity);
    // A millisecond apart, so the balloons keep their order in the history and in the send queue.
    return repository.save(
      replies.map((reply, index) =>
        repository.create({
          ...where,
          direction: MessageDirection.Outbound,
          sender: MessageSender.Bot,
          automated: true,
          automationKind: reply.kind,
          status: MessageStatus.Queued,
          occurredAt: new Date(firstAt + index),
          type: MessageType.Text,
          body: reply.text,
        }),
      ),
    );
  }

  private async whyNotCommitted(organizationId: string, conversationId: string, turn: TurnCommit): Promise<'newer_messages' | 'not_bot_owned' | 'already_answered'> {
    const current = await this.findState(organizationId, conversationId);
    if (!current || current.botAnsweredCount >= turn.answeredCount) return 'already_answered';
    if (current.inboundCount !== turn.answeredCount) return 'newer_messages';
    return 'not_bot_owned';
  }
}
