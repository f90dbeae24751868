import { EmbeddingsInterface } from '@langchain/core/embeddings';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { Intent, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { ReplyContext } from 'src/modules/ai/engine/engine.types';
import { ChatModelRequest, EmbeddingsRequest, GeminiModelFactory } from 'src/modules/ai/engine/gemini/gemini-model.factory';

export class StubModelFactory implements GeminiModelFactory {
  readonly chatRequests: ChatModelRequest[] = [];
  readonly embeddingRequests: EmbeddingsRequest[] = [];

  constructor(
    private readonly chat: BaseChatModel,
    private readonly embedder?: EmbeddingsInterface,
  ) {}

  chatModel(request: ChatModelRequest): BaseChatModel {
    this.chatRequests.push(request);
    return this.chat;
  }

  embeddings(request: EmbeddingsRequest): EmbeddingsInterface {
    this.embeddingRequests.push(request);
    if (!this.embedder) throw new Error('no embeddings scripted');
    return this.embedder;
  }
}

export function analysisOf(overrides: Partial<TurnAnalysis> = {}): TurnAnalysis {
  return {
    intent: Intent.Other,
    confidence: 0.5,
    urgent: false,
    wantsHuman: false,
    optOut: false,
    optIn: false,
    patientName: null,
    procedure: null,
    preferredTime: null,
    symptoms: [],
    sentiment: 'neutral',
    objections: [],
    ...overrides,
  };
}

export function replyContextOf(overrides: Partial<ReplyContext> = {}): ReplyContext {
  return {
    organizationId: '00000000-0000-4000-8000-000000000001',
    conversationId: '00000000-0000-4000-8000-000000000002',
    locale: 'pt-BR',
    timezone: 'America/Sao_Paulo',
    persona: {
      botName: 'Clara',
      tone: 'friendly',
      greeting: 'Olá! Eu sou a Clara, assistente virtual da Clínica Exemplo.',
      disclaimers: ['Não substituo uma avaliação profissional.'],
    },
    clinicProfile: 'Clínica Exemplo\nEndereço: Av. Paulista, 1000 - São Paulo\nHorário: segunda a sexta, 8h às 19h; sábado, 8h às 12h\nConvênios: Unimed, Bradesco Saúde, SulAmérica',
    knowledge: [],
    patientMemory: [],
    analysis: analysisOf(),
    firstReply: false,
    burst: ['Oi'],
    history: [],
    ...overrides,
  };
}
