import { Injectable } from '@nestjs/common';
import { ConversationContext, ConversationEntity } from 'src/modules/conversations/conversation.entity';
import { LeadSource } from 'src/modules/leads/leads.constants';
import { LeadsService } from 'src/modules/leads/leads.service';
import { Objection, TurnAnalysis } from '../analysis/turn-analysis';
import { hasBookingIntent, scoreLead } from '../scoring';

const OBJECTIONS: ReadonlySet<string> = new Set<Objection>(['price', 'distance', 'fear']);

/** The lead side of a turn: opened on booking or rescheduling intent, re-scored on every analysed turn after. */
@Injectable()
export class TurnLeads {
  constructor(private readonly leads: LeadsService) {}

  async update(conversation: ConversationEntity, analysis: TurnAnalysis, context: ConversationContext, burstSize: number, now: Date): Promise<void> {
    const { organizationId, id: conversationId, contactId } = conversation;
    const facts = { patientName: context.patientName ?? null, procedure: context.procedure ?? null, preferredTime: context.preferredTime ?? null };
    const lead = hasBookingIntent(analysis)
      ? (await this.leads.ensureForConversation({ organizationId, conversationId, contactId, source: LeadSource.Whatsapp, facts: { ...facts, intent: analysis.intent } })).lead
      : await this.leads.findOpenByConversation(organizationId, conversationId);
    if (!lead) return;
    const score = scoreLead({
      analysis,
      facts,
      engagement: {
        inboundMessages: conversation.inboundCount,
        turns: context.analysedTurns ?? 1,
        // The bot asked for something and the patient came back with more than a one-word burst.
        answeredBotQuestions: (context.analysedTurns ?? 1) > 1 && burstSize > 0,
      },
      lastInboundAt: conversation.lastInboundAt ?? now,
      now,
      objections: (context.objections ?? []).filter((objection): objection is Objection => OBJECTIONS.has(objection)),
    });
    await this.leads.recordScore(organizationId, lead.id, score, { intent: analysis.intent, facts });
  }
}
