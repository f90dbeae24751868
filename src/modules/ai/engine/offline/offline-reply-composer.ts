import { Injectable } from '@nestjs/common';
import { Intent } from 'src/modules/ai/analysis/turn-analysis';
import { EngineAnswer, Persona, ReplyContext } from 'src/modules/ai/engine/engine.types';
import {
  agendaChangeHandoff,
  bookingHandoff,
  humanHandoff,
  optInConfirmation,
  optOutConfirmation,
  urgentSafety,
} from 'src/modules/ai/engine/templates';
import { capLength } from 'src/modules/ai/engine/whatsapp-text';
import { PROMPT_VERSIONS } from 'src/modules/ai/prompts/prompt-versions';
import { Query, RankedCandidate, buildQuery, candidatesFrom, excerpt, pickPriceLines, rankCandidates } from './knowledge-picker';
import { normalise } from './text-match';

export const OFFLINE_REPLY_MAX_CHARS = 600;
const EXCERPT_MAX_CHARS = 380;
const HEALTH_CATEGORIES = new Set(['preparation', 'services', 'procedures']);

export interface OfflineReply extends EngineAnswer<string> {
  promptVersion: string;
  /** True when the answer tells the patient a person will follow up, so the orchestration should hand off. */
  handoff: boolean;
  /** Titles of the knowledge items or clinic-profile lines the answer quotes. */
  sources: string[];
}

interface Body {
  text: string;
  handoff: boolean;
  sources: string[];
  /** The answer touches health, so the persona's disclaimers are appended. */
  health: boolean;
}

/**
 * The offline engine's answer: deterministic Portuguese built only from what the orchestration gathered
 * (knowledge snippets, clinic profile, persona), so it can never state a price or an hour the clinic did not write.
 */
@Injectable()
export class OfflineReplyComposer {
  compose(ctx: ReplyContext): OfflineReply {
    const body = this.body(ctx);
    const parts = [body.text];
    if (body.health && ctx.persona.disclaimers.length > 0) parts.push(ctx.persona.disclaimers.join(' '));
    const greet = ctx.firstReply && !SKIP_GREETING.has(ctx.analysis.intent) && !ctx.analysis.urgent;
    if (greet) parts.unshift(greetingLine(ctx.persona));
    return {
      value: capLength(parts.join('\n\n'), OFFLINE_REPLY_MAX_CHARS),
      promptVersion: PROMPT_VERSIONS.offlineReply,
      handoff: body.handoff,
      sources: body.sources,
    };
  }

  private body(ctx: ReplyContext): Body {
    const { persona, analysis } = ctx;
    if (analysis.urgent || analysis.intent === Intent.UrgentSymptom) return fixed(urgentSafety(persona), true);
    if (analysis.optOut || analysis.intent === Intent.OptOut) return fixed(optOutConfirmation(persona), false);
    if (analysis.wantsHuman || analysis.intent === Intent.HumanRequest) return fixed(humanHandoff(persona), true);
    switch (analysis.intent) {
      case Intent.Booking:
        return fixed(bookingHandoff('assim que possível', persona), true);
      case Intent.Reschedule:
      case Intent.Cancel:
        return fixed(agendaChangeHandoff('assim que possível', persona), true);
      case Intent.Complaint:
        return fixed(complaintReply(persona), true);
      case Intent.GreetingOnly:
        return fixed(greetingReply(ctx), false);
      case Intent.PriceQuestion:
      case Intent.InfoQuestion:
        return this.fromKnowledge(ctx, false) ?? fixed(notFound(persona), true);
      default:
        if (analysis.optIn) return fixed(optInConfirmation(persona), false);
        return this.fromKnowledge(ctx, true) ?? fixed(offerHelp(persona), false);
    }
  }

  /** `strict` is for turns not classified as questions: answer only when the match is unmistakable. */
  private fromKnowledge(ctx: ReplyContext, strict: boolean): Body | null {
    const query = buildQuery(ctx.burst, ctx.analysis.procedure);
    let ranked = rankCandidates(query, candidatesFrom(ctx.knowledge, ctx.clinicProfile));
    if (strict) {
      const asks = ctx.burst.some((m) => m.includes('?'));
      const onTopic = (c: RankedCandidate) => c.topic !== null && query.topics.includes(c.topic);
      ranked = ranked.filter((c) => c.titleHits > 0 || (query.topics.length > 0 && c.termHits > 0) || (asks && onTopic(c)));
    }
    const asksPrice = query.topics.includes('price') || ctx.analysis.intent === Intent.PriceQuestion;
    if (asksPrice) {
      const body = priceBody(ctx, query, ranked);
      if (body && !(strict && body.sources.length === 0)) return body;
      // A money question no price line answers ("formas de pagamento?") may still name a snippet by its title.
      ranked = ranked.filter((c) => c.titleHits > 0);
    }
    if (ranked.length === 0) return null;
    const [top, second] = ranked;
    const paragraphs = [excerpt(top, query, EXCERPT_MAX_CHARS)];
    const sources = [top.title];
    if (second && second.score >= top.score * 0.75 && second.title !== top.title) {
      const extra = excerpt(second, query, EXCERPT_MAX_CHARS);
      if (paragraphs[0].length + extra.length <= OFFLINE_REPLY_MAX_CHARS - 120 && !paragraphs[0].includes(extra)) {
        paragraphs.push(extra);
        sources.push(second.title);
      }
    }
    const health = isHealth(ctx, [top, ...(sources.length > 1 ? [second] : [])], query);
    return { text: paragraphs.join('\n\n'), handoff: false, sources, health };
  }
}

const SKIP_GREETING = new Set<Intent>([Intent.GreetingOnly, Intent.UrgentSymptom, Intent.OptOut]);

function fixed(text: string, handoff: boolean): Body {
  return { text, handoff, sources: [], health: false };
}

function priceBody(ctx: ReplyContext, query: Query, ranked: RankedCandidate[]): Body | null {
  const formal = ctx.persona.tone === 'formal';
  if (query.terms.length === 0) {
    const ask = formal
      ? 'Claro. De qual procedimento ou consulta deseja saber o valor?'
      : 'Claro! Me conta de qual procedimento ou consulta você quer saber o valor que eu te passo 😊';
    return fixed(ask, false);
  }
  const lines = pickPriceLines(query, ranked);
  if (!lines) return null;
  const intro = formal ? 'Segue o valor que temos registrado:' : 'Claro! O valor que temos aqui é:';
  const outro = formal
    ? 'Caso deseje agendar, é só informar que a secretária verificará um horário.'
    : 'Se quiser agendar, é só me avisar que eu peço para a secretária ver um horário para você.';
  const sources = ranked.filter((c) => lines.some((l) => c.content.includes(l) || l.startsWith(`${c.title}:`))).map((c) => c.title);
  return { text: `${intro}\n${lines.join('\n')}\n\n${outro}`, handoff: false, sources: sources.slice(0, 3), health: false };
}

function isHealth(ctx: ReplyContext, used: RankedCandidate[], query: Query): boolean {
  return (
    query.topics.includes('preparation') ||
    ctx.analysis.symptoms.length > 0 ||
    used.some((c) => HEALTH_CATEGORIES.has(normalise(c.category)))
  );
}

function greetingLine(persona: Persona): string {
  return persona.greeting?.trim() || `Olá! Eu sou ${persona.botName}, assistente virtual da clínica.`;
}

function greetingReply(ctx: ReplyContext): string {
  const formal = ctx.persona.tone === 'formal';
  if (/\b(obrigad|valeu|agradec)/.test(normalise(ctx.burst.join(' ')))) {
    return formal ? 'Por nada. Se precisar de algo mais, estamos à disposição.' : 'Por nada! Se precisar de mais alguma coisa, é só chamar 😊';
  }
  if (ctx.firstReply) {
    const greeting = greetingLine(ctx.persona);
    return /\?\s*$/.test(greeting) ? greeting : `${greeting} Como posso ajudar?`;
  }
  return formal ? 'Olá. Como posso ajudar?' : 'Oi! Como posso te ajudar? 😊';
}

function complaintReply(persona: Persona): string {
  return persona.tone === 'formal'
    ? 'Lamentamos muito pelo ocorrido. Vou encaminhar sua mensagem à nossa equipe, e uma pessoa entrará em contato em breve.'
    : 'Sinto muito por isso. Vou passar sua mensagem para a nossa equipe, e uma pessoa vai falar com você em breve.';
}

function notFound(persona: Persona): string {
  return persona.tone === 'formal'
    ? 'Não encontrei essa informação aqui; vou pedir para a secretária responder.'
    : 'Não encontrei essa informação aqui, vou pedir para a secretária te responder 😊';
}

function offerHelp(persona: Persona): string {
  return persona.tone === 'formal'
    ? 'Posso ajudar com informações sobre consultas, valores, convênios, horários e endereço da clínica. Se preferir, peço para a secretária falar com você.'
    : 'Posso te ajudar com informações sobre consultas, valores, convênios, horários e endereço da clínica. Se preferir, é só pedir que eu chamo a secretária 😊';
}
