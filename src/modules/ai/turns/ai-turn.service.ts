import { Injectable, Logger } from '@nestjs/common';
import { ContactsService } from 'src/modules/contacts/contacts.service';
import { ConversationEntity, ConversationOwner, ConversationStatus } from 'src/modules/conversations/conversation.entity';
import { AutomationKind } from 'src/modules/conversations/bot-turns/automation-kind';
import { BotReply, BotTurnsService, TurnCommit } from 'src/modules/conversations/bot-turns/bot-turns.service';
import { OwnershipChangeReason } from 'src/modules/conversations/ownership/ownership-event.entity';
import { JobPayloads, JobName } from 'src/queue/queue.constants';
import { TurnAnalysis } from '../analysis/turn-analysis';
import { splitIntoBalloons } from '../engine/balloons';
import * as templates from '../engine/templates';
import { AiSettingsService } from '../settings/ai-settings.service';
import { AiSettings } from '../settings/ai-settings.types';
import { mergeContext, summariseContext } from './context-merge';
import { TurnAlerts } from './turn-alerts';
import { TurnContextBuilder } from './turn-context.builder';
import { TurnLeads } from './turn-leads';
import { EngineChoice, ReplyFailedError, TurnModels, TurnScope } from './turn-models';
import { planTurn, TurnAction } from './turn-planner';
import { readBurst } from './turn-burst';
import { TurnRetryLaterError } from './turn-errors';

/** What `run` did, for the processor's logs and the tests. */
export type TurnOutcome =
  | 'answered'
  | 'analysed_only'
  | 'superseded'
  | 'already_answered'
  | 'draft_dropped'
  | 'bot_disabled';

/** Everything one turn decided on, passed along instead of a long parameter list. */
interface Turn {
  scope: TurnScope;
  conversation: ConversationEntity;
  settings: AiSettings;
  engine: EngineChoice;
  analysis: TurnAnalysis;
  burst: string[];
  history: { direction: 'inbound' | 'outbound'; body: string }[];
  /** What every outcome of this turn commits at least: the watermark, the context and the summary. */
  base: TurnCommit;
  now: Date;
}

/** Consecutive model failures that hand the conversation to humans. */
export const MAX_FAILURE_STREAK = 3;

/**
 * One bot turn: the patient's unanswered burst is analysed, the conversation's context, lead and flags are
 * updated, and — when the bot owns the conversation — an answer is queued, all committed at once by
 * compare-and-set on the conversation's watermark. A draft overtaken by a newer message is dropped; the job
 * armed by that message answers everything together.
 */
@Injectable()
export class AiTurnService {
  private readonly logger = new Logger(AiTurnService.name);

  constructor(
    private readonly turns: BotTurnsService,
    private readonly contacts: ContactsService,
    private readonly settings: AiSettingsService,
    private readonly models: TurnModels,
    private readonly contextBuilder: TurnContextBuilder,
    private readonly leads: TurnLeads,
    private readonly alerts: TurnAlerts,
  ) {}

  async run(job: JobPayloads[JobName.RunAiTurn], now = new Date()): Promise<TurnOutcome> {
    const scope: TurnScope = { organizationId: job.organizationId, conversationId: job.conversationId };
    let conversation = await this.turns.findState(scope.organizationId, scope.conversationId);
    if (!conversation || conversation.botAnsweredCount >= job.inboundCount) return 'already_answered';
    const settings = await this.settings.get(scope.organizationId);
    if (!settings.enabled) return 'bot_disabled';
    if (conversation.inboundCount > job.inboundCount && !this.capReached(conversation, settings, now)) return 'superseded';

    if (await this.turns.reclaimFromIdleHuman(conversation, settings.humanIdleHandbackMinutes, now)) {
      conversation = (await this.turns.findState(scope.organizationId, scope.conversationId)) ?? conversation;
    }
    const contact = await this.contacts.findVisible(scope.organizationId, conversation.contactId);
    if (!contact) return 'already_answered';
    const messages = await this.turns.loadTurnMessages(conversation, settings.historyWindow);
    const choice = await this.models.choose(scope, settings);
    const engine: EngineChoice = choice ?? { kind: 'offline', reason: 'configured' };
    const burst = await readBurst(messages.burst, (message) => this.contextBuilder.transcribe(scope, engine, message));
    const history = messages.history.map((message) => ({ direction: message.direction, body: message.body ?? '' }));
    const analysis = await this.models.analyse(scope, engine, { burst: burst.texts, history }, (await this.contextBuilder.locale(scope)));

    const action = planTurn({
      analysis,
      botOwns: conversation.ownerType === ConversationOwner.Bot,
      contactOptedOut: contact.optedOut,
      contactBlocked: contact.blocked,
    });
    const context = mergeContext(conversation.context ?? {}, analysis);
    const base: TurnCommit = { answeredCount: conversation.inboundCount, replies: [], context, summary: summariseContext(context) ?? undefined };
    await this.leads.update(conversation, analysis, context, burst.texts.length, now);

    if (action === 'answer' && choice === null) return this.commit(scope, this.dailyCapTurn(base, settings));
    if (action === 'answer' && burst.unreadableVoice && burst.texts.every((text) => !text.trim())) {
      return this.commit(scope, { ...base, replies: [{ text: templates.askToTypeInsteadOfVoice(settings.persona), kind: AutomationKind.Reply }] });
    }
    const composed = await this.composeTurn(action, { scope, conversation, settings, engine, analysis, burst: burst.texts, history, base, now });
    return this.commit(scope, composed);
  }

  private capReached(conversation: ConversationEntity, settings: AiSettings, now: Date): boolean {
    const since = conversation.botPendingSince?.getTime();
    return since !== undefined && now.getTime() >= since + settings.maxDebounceMs;
  }

  private async composeTurn(action: TurnAction, turn: Turn): Promise<TurnCommit> {
    const { base, scope, analysis, settings, now } = turn;
    const persona = settings.persona;
    const reply = (text: string, kind: AutomationKind): BotReply[] => [{ text, kind }];
    switch (action) {
      case 'silent':
        return base;
      case 'opt_out':
        return { ...base, contactOptOut: true, replies: reply(templates.optOutConfirmation(persona), AutomationKind.OptOutConfirmation) };
      case 'opt_in':
        return { ...base, contactOptOut: false, replies: reply(templates.optInConfirmation(persona), AutomationKind.OptInConfirmation) };
      case 'urgent':
        await this.alerts.urgent(scope, analysis);
        return {
          ...base,
          urgent: true,
          status: ConversationStatus.WaitingSecretary,
          handoff: OwnershipChangeReason.Urgent,
          replies: reply(templates.urgentSafety(persona), AutomationKind.UrgentSafety),
        };
      case 'human_request':
        return { ...base, status: ConversationStatus.WaitingSecretary, handoff: OwnershipChangeReason.HumanRequest, replies: reply(templates.humanHandoff(persona), AutomationKind.Handoff) };
      case 'scheduling':
      case 'cancel': {
        const when = await this.contextBuilder.nextConfirmation(scope, now);
        const text = action === 'cancel' ? cancelNoted(when) : templates.bookingHandoff(when, persona);
        return { ...base, status: ConversationStatus.WaitingSecretary, replies: reply(text, AutomationKind.BookingHandoff) };
      }
      case 'complaint':
      case 'answer':
        return this.answer(action, turn);
    }
  }

  private async answer(action: 'complaint' | 'answer', turn: Turn): Promise<TurnCommit> {
    const { scope, engine, base } = turn;
    const ctx = await this.contextBuilder.build(scope, engine, turn.conversation, turn.settings, turn.analysis, turn.burst, turn.history);
    try {
      const answer = await this.contextBuilder.cachedAnswer(scope, engine, ctx, (forAnswer) => this.models.reply(scope, engine, forAnswer));
      const replies = splitIntoBalloons(answer.text).map((text) => ({ text, kind: AutomationKind.Reply }));
      const handsOff = action === 'complaint' || answer.handoff;
      return {
        ...base,
        failureStreak: 0,
        replies,
        ...(handsOff ? { status: ConversationStatus.WaitingSecretary, handoff: action === 'complaint' ? OwnershipChangeReason.Complaint : OwnershipChangeReason.HumanRequest } : {}),
      };
    } catch (error) {
      if (!(error instanceof ReplyFailedError)) throw error;
      return this.afterModelFailure(turn, error);
    }
  }

  /**
   * The first failure sends one apology and retries the turn later; the third in a row hands the patient to a
   * person and alerts the clinic.
   */
  private async afterModelFailure({ scope, base, conversation, settings }: Turn, error: Error): Promise<TurnCommit> {
    const streak = conversation.botFailureStreak + 1;
    this.logger.warn({ conversationId: scope.conversationId, streak, err: error.message }, 'model reply failed');
    if (streak >= MAX_FAILURE_STREAK) {
      await this.alerts.modelFailures(scope, streak, error.message);
      return {
        ...base,
        failureStreak: streak,
        status: ConversationStatus.WaitingSecretary,
        handoff: OwnershipChangeReason.ModelFailures,
        replies: [{ text: templates.humanHandoff(settings.persona), kind: AutomationKind.Handoff }],
      };
    }
    const apology = streak === 1 ? templates.fallbackError(settings.persona) : null;
    await this.turns.recordFailure(scope.organizationId, scope.conversationId, base.answeredCount, streak, apology);
    throw new TurnRetryLaterError(`model reply failed (${streak} in a row); retrying later`);
  }

  private dailyCapTurn(base: TurnCommit, settings: AiSettings): TurnCommit {
    return {
      ...base,
      status: ConversationStatus.WaitingSecretary,
      handoff: OwnershipChangeReason.DailyCap,
      replies: [{ text: templates.dailyCapReached(settings.persona), kind: AutomationKind.Handoff }],
    };
  }

  private async commit(scope: TurnScope, turn: TurnCommit): Promise<TurnOutcome> {
    const result = await this.turns.commit(scope.organizationId, scope.conversationId, turn);
    if (result.committed) return turn.replies.length > 0 ? 'answered' : 'analysed_only';
    // A newer message arrived while we generated: its own job answers the whole burst.
    if (result.reason === 'newer_messages') return 'draft_dropped';
    if (result.reason === 'not_bot_owned') {
      // Someone took over while we generated: keep the analysis, drop the words.
      const analysedOnly = await this.turns.commit(scope.organizationId, scope.conversationId, { ...turn, replies: [], handoff: undefined, status: undefined });
      return analysedOnly.committed ? 'analysed_only' : 'draft_dropped';
    }
    return 'already_answered';
  }
}

function cancelNoted(when: string): string {
  return `Certo! Vou pedir para a nossa secretária cuidar do cancelamento. Ela confirma com você ${when.trim() || 'assim que possível'}.`;
}
