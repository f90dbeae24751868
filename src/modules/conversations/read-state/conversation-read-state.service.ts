import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { DomainEvent } from 'src/common/events/domain-events';
import { scopeVisible } from 'src/common/tenancy/visible-to';
import { ConversationEntity } from '../conversation.entity';
import { ConversationsService } from '../conversations.service';
import { ReadStateDto, UnreadTotalDto } from './dto/read-state.dto';
import { readJoinCondition, unreadCountSql } from './unread-sql';

interface ReadRow {
  unread_count: number;
  last_read_at: Date | null;
}

/** Each user's read/unread mark on conversations; personal, so it is not part of the edit history. */
@Injectable()
export class ConversationReadStateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Everything the patient wrote so far counts as read by the caller. */
  async markRead(actor: AuthUser, id: string): Promise<ReadStateDto> {
    await this.conversations.findVisible(actor, id);
    // GREATEST: a read that raced with a newer one never moves the watermark back.
    const rows: ReadRow[] = await this.dataSource.query(
      `INSERT INTO conversation_reads AS r (organization_id, user_id, conversation_id, read_inbound_count, marked_unread, last_read_at)
       SELECT c.organization_id, $3, c.id, c.inbound_count, false, now() FROM conversations c WHERE c.id = $1 AND c.organization_id = $2
       ON CONFLICT (organization_id, user_id, conversation_id) DO UPDATE
         SET read_inbound_count = GREATEST(r.read_inbound_count, EXCLUDED.read_inbound_count), marked_unread = false,
             last_read_at = now(), updated_at = now()
       RETURNING 0 AS unread_count, last_read_at`,
      [id, actor.organizationId, actor.userId],
    );
    return this.answer(actor, id, rows);
  }

  /** Shows the conversation as unread (at least one message) until the caller reads it again. */
  async markUnread(actor: AuthUser, id: string): Promise<ReadStateDto> {
    await this.conversations.findVisible(actor, id);
    await this.dataSource.query(
      `INSERT INTO conversation_reads AS r (organization_id, user_id, conversation_id, marked_unread)
       VALUES ($2, $3, $1, true)
       ON CONFLICT (organization_id, user_id, conversation_id) DO UPDATE SET marked_unread = true, updated_at = now()`,
      [id, actor.organizationId, actor.userId],
    );
    const rows: ReadRow[] = await this.dataSource.query(
      `SELECT ${unreadCountSql('c', 'r')} AS unread_count, r.last_read_at
       FROM conversations c JOIN conversation_reads r ON r.organization_id = c.organization_id AND r.user_id = $3 AND r.conversation_id = c.id
       WHERE c.id = $1 AND c.organization_id = $2`,
      [id, actor.organizationId, actor.userId],
    );
    return this.answer(actor, id, rows);
  }

  /** What the caller has left to read in open conversations she can see. */
  async unreadTotal(actor: AuthUser): Promise<UnreadTotalDto> {
    const qb = this.dataSource
      .createQueryBuilder(ConversationEntity, 'c')
      .leftJoin('conversation_reads', 'r', readJoinCondition('c', 'r', 'readerId'), { readerId: actor.userId })
      .select(`${unreadCountSql('c', 'r')}`, 'unread')
      .where(`c.status <> 'CLOSED'`)
      .andWhere('(c.inbound_count > 0 OR r.marked_unread)');
    scopeVisible(qb, 'c', actor);
    const [sql, parameters] = qb.getQueryAndParameters();
    const rows: { conversations: number; messages: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS conversations, COALESCE(sum(unread), 0)::int AS messages FROM (${sql}) t WHERE unread > 0`,
      parameters,
    );
    return rows[0] ?? { conversations: 0, messages: 0 };
  }

  private answer(actor: AuthUser, id: string, rows: ReadRow[]): ReadStateDto {
    const row = rows[0];
    this.events.emit(DomainEvent.ConversationUpdated, { organizationId: actor.organizationId, conversationId: id, changes: ['read_state'], userId: actor.userId });
    return { conversation_id: id, unread_count: Number(row?.unread_count ?? 0), last_read_at: row?.last_read_at?.toISOString() ?? null };
  }
}
