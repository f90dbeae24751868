import { EmbeddingsInterface } from '@langchain/core/embeddings';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatGoogleGenerativeAI, GoogleGenerativeAIEmbeddings } from '@langchain/google-genai';

export interface ChatModelRequest {
  apiKey: string;
  model: string;
  temperature?: number;
  maxOutputTokens?: number;
}

export interface EmbeddingsRequest {
  apiKey: string;
  model: string;
  /** Fewer dimensions keep stored vectors small; `gemini-embedding-001` accepts 128–3072. */
  dimensions?: number;
}

/**
 * Creates models per call, because the key changes per call (per-organization keys, benched keys). Tests provide a
 * factory returning LangChain's fake chat models instead of Gemini.
 */
export interface GeminiModelFactory {
  chatModel(request: ChatModelRequest): BaseChatModel;
  embeddings(request: EmbeddingsRequest): EmbeddingsInterface;
}

export const GEMINI_MODEL_FACTORY = Symbol('GEMINI_MODEL_FACTORY');

export class LangChainGeminiModelFactory implements GeminiModelFactory {
  /** `baseUrl` points the client elsewhere than Google's endpoint (a proxy, or a fake server in tests). */
  constructor(private readonly baseUrl?: string) {}

  chatModel(request: ChatModelRequest): BaseChatModel {
    return new ChatGoogleGenerativeAI({
      apiKey: request.apiKey,
      baseUrl: this.baseUrl,
      model: request.model,
      temperature: request.temperature,
      maxOutputTokens: request.maxOutputTokens,
      // The engine retries transient errors itself and must see auth/quota errors at once to switch keys;
      // LangChain's own retry (6 attempts by default) would hide both.
      maxRetries: 0,
    });
  }

  embeddings(request: EmbeddingsRequest): EmbeddingsInterface {
    return new GoogleGenerativeAIEmbeddings({
      apiKey: request.apiKey,
      baseUrl: this.baseUrl,
      model: request.model,
      outputDimensionality: request.dimensions,
      maxRetries: 0,
    });
  }
}
