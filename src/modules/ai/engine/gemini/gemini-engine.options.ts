import { AnalysisInput, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { RetryPolicy, Sleep } from './call-runner';

/** What analyse() falls back to when Gemini's output cannot be used: the offline analyser. */
export interface AnalysisFallback {
  analyse(input: AnalysisInput): TurnAnalysis;
}

export interface GeminiEngineOptions extends RetryPolicy {
  /** Longest reply sent to a patient, before it is split into balloons. */
  maxReplyChars: number;
  maxSummaryChars: number;
  maxTranscriptChars: number;
  /** Gemini rejects inline data above ~20 MB per request; longer voice notes are refused before the call. */
  maxAudioBytes: number;
  replyTemperature: number;
  embeddingModel: string;
  embeddingDimensions: number;
  sleep?: Sleep;
}

export const DEFAULT_GEMINI_ENGINE_OPTIONS: GeminiEngineOptions = {
  timeoutMs: 20_000,
  retries: 3,
  backoffMs: 500,
  maxBackoffMs: 4_000,
  maxReplyChars: 900,
  maxSummaryChars: 700,
  maxTranscriptChars: 4_000,
  maxAudioBytes: 15 * 1024 * 1024,
  replyTemperature: 0.3,
  embeddingModel: 'gemini-embedding-001',
  embeddingDimensions: 768,
};

export const GEMINI_ENGINE_OPTIONS = Symbol('GEMINI_ENGINE_OPTIONS');
export const ANALYSIS_FALLBACK = Symbol('ANALYSIS_FALLBACK');
