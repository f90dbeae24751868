import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, BaseMessage } from '@langchain/core/messages';
import { AnalysisInput, TurnAnalysis } from 'src/modules/ai/analysis/turn-analysis';
import { analysisReaskMessage, renderAnalysisPrompt } from 'src/modules/ai/prompts/analysis.prompt';
import { AiProviderError } from './ai-provider.error';
import { ANALYSIS_SCHEMA_NAME, Interpretation, interpretAnalysis, turnAnalysisSchema } from './analysis-output';
import { CallResult } from './call-runner';
import { AnalysisFallback } from './gemini-engine.options';

/**
 * - ok: the structured output was valid as returned.
 * - repaired: it was usable after lenient parsing or coercion (fences, wrong casing, missing optional fields).
 * - reasked: the first answer was unusable; the model fixed it when shown the validation error.
 * - fallback_offline: still unusable after the re-ask; the offline analyser answered.
 */
export type AnalysisOutcome = 'ok' | 'repaired' | 'reasked' | 'fallback_offline';

export interface AnalysisRun {
  analysis: TurnAnalysis;
  outcome: AnalysisOutcome;
  /** Every AI message received, for token accounting. */
  responses: BaseMessage[];
  latencyMs: number;
}

type Runner = <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<CallResult<T>>;

interface StructuredResult {
  raw: BaseMessage;
  parsed: unknown;
}

export async function runAnalysis(
  chat: BaseChatModel,
  run: Runner,
  fallback: AnalysisFallback,
  input: AnalysisInput,
  locale?: string,
): Promise<AnalysisRun> {
  const structured = chat.withStructuredOutput(turnAnalysisSchema, { name: ANALYSIS_SCHEMA_NAME, includeRaw: true });
  const prompt = await renderAnalysisPrompt(input, locale);
  const first = await run((signal) => structured.invoke(prompt, { signal }));
  const responses = [first.value.raw];
  const firstReading = read(first.value);
  if (firstReading.interpretation.ok) {
    const { analysis, repaired } = firstReading.interpretation;
    return { analysis, outcome: repaired ? 'repaired' : 'ok', responses, latencyMs: first.latencyMs };
  }
  const reask = [...prompt, new AIMessage(firstReading.rawText), analysisReaskMessage(firstReading.interpretation.error)];
  let latencyMs = first.latencyMs;
  try {
    const second = await run((signal) => structured.invoke(reask, { signal }));
    responses.push(second.value.raw);
    latencyMs += second.latencyMs;
    const secondReading = read(second.value).interpretation;
    if (secondReading.ok) return { analysis: secondReading.analysis, outcome: 'reasked', responses, latencyMs };
  } catch (err) {
    // A key problem must reach the caller so it benches the key; anything else just ends the repair attempt.
    if (err instanceof AiProviderError && (err.kind === 'auth' || err.kind === 'quota')) throw err;
  }
  return { analysis: fallback.analyse(input), outcome: 'fallback_offline', responses, latencyMs };
}

/** LangChain's parsed value when it validated, else the tool-call arguments or the raw text, read leniently. */
function read(result: StructuredResult): { interpretation: Interpretation; rawText: string } {
  const raw = result.raw;
  const toolArgs = AIMessage.isInstance(raw) ? raw.tool_calls?.[0]?.args : undefined;
  const rawText = raw.text || (toolArgs ? JSON.stringify(toolArgs) : '');
  const candidate = result.parsed ?? toolArgs ?? rawText;
  return { interpretation: interpretAnalysis(candidate), rawText: rawText || '(resposta vazia)' };
}
