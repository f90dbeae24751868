import { ANALYSIS_PROMPT } from './analysis.prompt';
import { REPLY_PROMPT } from './reply.prompt';
import { SUMMARY_PROMPT } from './summary.prompt';
import { TRANSCRIPTION_PROMPT } from './transcription.prompt';

/**
 * The version of every prompt and template set, recorded with each model call and mixed into the answer-cache
 * key. `offlineReply` versions the offline composer's Portuguese templates, so changing them also misses the cache.
 */
export const PROMPT_VERSIONS = {
  reply: REPLY_PROMPT.version,
  analysis: ANALYSIS_PROMPT.version,
  summary: SUMMARY_PROMPT.version,
  transcription: TRANSCRIPTION_PROMPT.version,
  offlineReply: 'offline-reply@1',
  /** Embeddings have no prompt; the model name is what versions them. */
  embedding: 'embedding@1',
} as const;

export type PromptId = keyof typeof PROMPT_VERSIONS;
