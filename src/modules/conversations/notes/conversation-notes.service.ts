import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { DomainEvent } from 'src/common/events/domain-events';
import { Page, PageQueryDto, toPage } from 'src/common/pagination';
import { ConversationsService } from '../conversations.service';
import { ConversationNoteEntity } from './conversation-note.entity';
import { ConversationNoteResponseDto, WriteConversationNoteDto } from './conversation-notes.dto';
import { ConversationNoteErrorCode, ConversationNoteException } from './conversation-notes.exceptions';

/**
 * Internal notes on a conversation. They live only here: nothing in this service touches messages or the
 * outbound queue, so a note can never reach the patient. Scoped like the conversation itself.
 */
@Injectable()
export class ConversationNotesService {
  constructor(
    @InjectRepository(ConversationNoteEntity) private readonly notes: Repository<ConversationNoteEntity>,
    private readonly conversations: ConversationsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Newest first. */
  async list(actor: AuthUser, conversationId: string, query: PageQueryDto): Promise<Page<ConversationNoteResponseDto>> {
    const conversation = await this.conversations.findVisible(actor, conversationId);
    const [rows, total] = await this.notes.findAndCount({
      where: { organizationId: actor.organizationId, conversationId: conversation.id },
      relations: { author: true },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.limit,
    });
    return toPage(rows.map(ConversationNoteResponseDto.from), total, query);
  }

  async create(actor: AuthUser, conversationId: string, dto: WriteConversationNoteDto): Promise<ConversationNoteResponseDto> {
    const conversation = await this.conversations.findVisible(actor, conversationId);
    const saved = await this.notes.save(
      this.notes.create({ organizationId: actor.organizationId, conversationId: conversation.id, authorUserId: actor.userId, body: dto.body }),
    );
    this.announce(actor.organizationId, conversation.id);
    return this.present(actor, saved.id);
  }

  async update(actor: AuthUser, conversationId: string, noteId: string, dto: WriteConversationNoteDto): Promise<ConversationNoteResponseDto> {
    const note = await this.getEditable(actor, conversationId, noteId);
    await this.notes.update({ id: note.id, organizationId: actor.organizationId }, { body: dto.body });
    this.announce(actor.organizationId, note.conversationId);
    return this.present(actor, note.id);
  }

  async remove(actor: AuthUser, conversationId: string, noteId: string): Promise<void> {
    const note = await this.getEditable(actor, conversationId, noteId);
    await this.notes.softDelete({ id: note.id, organizationId: actor.organizationId });
    this.announce(actor.organizationId, note.conversationId);
  }

  /**
   * Whoever sees the conversation sees its notes, so a 403 leaks nothing: a colleague learns clearly that only
   * the author (or an admin) may change a note, rather than being told it does not exist.
   */
  private async getEditable(actor: AuthUser, conversationId: string, noteId: string): Promise<ConversationNoteEntity> {
    const conversation = await this.conversations.findVisible(actor, conversationId);
    const note = await this.notes.findOneBy({ id: noteId, organizationId: actor.organizationId, conversationId: conversation.id });
    if (!note) throw new ConversationNoteException(ConversationNoteErrorCode.NotFound, 'Note not found');
    if (note.authorUserId !== actor.userId && !hasPermission(actor.role, Permission.NotesManageAll)) {
      throw new ConversationNoteException(ConversationNoteErrorCode.NotAuthor, 'Only the author of a note or an admin may change or delete it');
    }
    return note;
  }

  private async present(actor: AuthUser, id: string): Promise<ConversationNoteResponseDto> {
    const note = await this.notes.findOneOrFail({ where: { id, organizationId: actor.organizationId }, relations: { author: true } });
    return ConversationNoteResponseDto.from(note);
  }

  private announce(organizationId: string, conversationId: string): void {
    this.events.emit(DomainEvent.ConversationUpdated, { organizationId, conversationId, changes: ['notes'] });
  }
}
