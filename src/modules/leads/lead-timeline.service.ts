import { Injectable } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { Page, PageQueryDto } from 'src/common/pagination';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { LeadHistoryItemDto, LeadInteractionDto } from './dto/lead-activity-response.dto';
import { LeadJourneyDto } from './dto/lead-journey-response.dto';
import { LeadActivityRepository } from './lead-activity.repository';
import { buildJourney } from './lead-journey';
import { LeadEntity } from './lead.entity';
import { leadNotFound } from './leads.exceptions';
import { LeadsRepository } from './leads.repository';

/** What happened to a lead: its edit history, its interactions and the journey that combines them. */
@Injectable()
export class LeadTimelineService {
  constructor(
    private readonly repository: LeadsRepository,
    private readonly activity: LeadActivityRepository,
    private readonly conversations: ConversationsService,
  ) {}

  async history(actor: AuthUser, id: string, query: PageQueryDto): Promise<Page<LeadHistoryItemDto>> {
    const lead = await this.findVisible(actor, id);
    const page = await this.activity.historyPage(actor.organizationId, lead.id, query);
    return { ...page, items: page.items.map(LeadHistoryItemDto.from) };
  }

  async interactions(actor: AuthUser, id: string, query: PageQueryDto): Promise<Page<LeadInteractionDto>> {
    const lead = await this.findVisible(actor, id);
    const page = await this.activity.interactionsPage(actor.organizationId, lead.id, query);
    return { ...page, items: page.items.map(LeadInteractionDto.from) };
  }

  async journey(actor: AuthUser, id: string): Promise<LeadJourneyDto> {
    const lead = await this.findVisible(actor, id);
    const { organizationId } = actor;
    const conversationIds = [lead.conversationId, ...(await this.repository.linkedConversationIds(organizationId, lead.id))].filter(
      (conversationId): conversationId is string => conversationId !== null,
    );
    const [firstMessages, { history, interactions }] = await Promise.all([
      Promise.all(conversationIds.map(async (conversationId) => ({ conversationId, at: await this.conversations.firstMessageAt(organizationId, conversationId) }))),
      this.activity.timeline(organizationId, lead.id),
    ]);
    return buildJourney({
      lead,
      firstMessages: firstMessages.filter((entry): entry is { conversationId: string; at: Date } => entry.at !== null),
      history,
      interactions,
    });
  }

  private async findVisible(actor: AuthUser, id: string): Promise<LeadEntity> {
    const lead = await this.repository.findVisibleWithContact(actor, id);
    if (!lead) throw leadNotFound();
    return lead;
  }
}
