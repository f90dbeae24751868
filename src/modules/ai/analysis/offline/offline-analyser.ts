import { Injectable } from '@nestjs/common';
import { AnalysisInput, Intent, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { assessSentiment, extractObjections } from './extractors/feelings';
import { extractPatientName } from './extractors/patient-name';
import { extractPreferredTime } from './extractors/preferred-time';
import { extractProcedure } from './extractors/procedure';
import { assessUrgency } from './extractors/urgency';
import { IntentSignals, resolveIntent } from './intent-resolver';
import { ANYONE_THERE_RULES, FRUSTRATION_RULES, HUMAN_RULES, OPT_IN_RULES, OPT_OUT_RULES } from './lexicons/contact.lexicon';
import { COMPLAINT_RULES, GREETING_WORDS, INFO_RULES, OFF_TOPIC_RULES, PRICE_RULES } from './lexicons/questions.lexicon';
import { BOOKING_RULES, BOOKING_WEAK_RULES, CANCEL_RULES, RESCHEDULE_RULES } from './lexicons/scheduling.lexicon';
import { AnalysisText } from './matching/analysis-text';
import { tokenizeBurst } from './text/tokenizer';
import { lexiconCorrector } from './vocabulary';

type History = NonNullable<AnalysisInput['history']>;

/**
 * The offline engine's reading of a patient's burst: rule-based, deterministic and synchronous, for clinics
 * without an LLM key and as the fallback when the model fails. Portuguese WhatsApp text is folded, expanded and
 * typo-corrected once, then matched against precompiled lexicons with negation scope.
 */
@Injectable()
export class OfflineAnalyser {
  analyse(input: AnalysisInput): TurnAnalysis {
    const history = input.history ?? [];
    const { tokens, emojis } = tokenizeBurst(input.burst, lexiconCorrector());
    const text = new AnalysisText(tokens);
    const urgency = assessUrgency(text);
    const optOut = text.find(OPT_OUT_RULES).length > 0;
    const cancelSpans = text.find(CANCEL_RULES);
    const reschedule = text.strength(RESCHEDULE_RULES);
    const cancelClauses = new Set(reschedule > 0 ? [] : cancelSpans.map((span) => text.clause[span.start]));
    const time = extractPreferredTime(text, { movingOrCancelling: cancelSpans.length > 0 || reschedule > 0, cancelClauses });
    const signals: IntentSignals = {
      urgent: urgency.urgent,
      urgentEvidence: urgency.symptoms.length,
      optOut,
      wantsHuman: text.find(HUMAN_RULES).length > 0 || this.asksIfAnyoneIsThere(text, history),
      cancel: cancelSpans.reduce((best, span) => Math.max(best, span.weight), 0),
      reschedule,
      booking: Math.max(text.strength(BOOKING_RULES), text.strength(BOOKING_WEAK_RULES)),
      asksForSlot: time.asksForSlot,
      price: text.strength(PRICE_RULES),
      info: text.strength(INFO_RULES),
      complaint: text.strength(COMPLAINT_RULES),
      offTopic: text.strength(OFF_TOPIC_RULES),
      greetingOnly: this.isGreetingOnly(text, emojis),
      openQuestion: tokens.some((token) => token.kind === 'question') && tokens.some((token) => token.kind === 'word'),
    };
    const { intent, confidence } = resolveIntent(signals);
    const lastBotMessage = [...history].reverse().find((turn) => turn.direction === 'outbound')?.body;
    return {
      intent,
      confidence: Math.round(confidence * 100) / 100,
      urgent: urgency.urgent,
      wantsHuman: signals.wantsHuman,
      optOut,
      optIn: !optOut && text.find(OPT_IN_RULES).length > 0,
      patientName: extractPatientName(text, lastBotMessage),
      // Only a booking turns "tem pediatra?" into a visit; as a question it names no service.
      procedure: extractProcedure(text, { allowSpecialist: intent === Intent.Booking || intent === Intent.Reschedule }),
      preferredTime: time.phrase,
      symptoms: urgency.symptoms,
      sentiment: assessSentiment(text, emojis, urgency.urgent || signals.complaint >= 0.8),
      objections: extractObjections(text),
    };
  }

  /** "tem alguém aí?" is a person request only from someone kept waiting (in this burst or unanswered before). */
  private asksIfAnyoneIsThere(text: AnalysisText, history: History): boolean {
    if (text.find(ANYONE_THERE_RULES).length === 0) return false;
    const waitedBefore = history.length > 0 && history[history.length - 1].direction === 'inbound';
    return waitedBefore || text.find(FRUSTRATION_RULES).length > 0;
  }

  /** Greetings and small talk only, or a wave of emoji ("👋👋"). */
  private isGreetingOnly(text: AnalysisText, emojis: readonly string[]): boolean {
    const content = text.tokens.filter((token) => token.kind === 'word' || token.kind === 'number');
    if (content.length === 0) return emojis.length > 0 && !text.tokens.some((token) => token.kind === 'question');
    return content.every((token) => GREETING_WORDS.has(token.canon));
  }
}
