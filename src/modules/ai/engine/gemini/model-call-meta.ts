import { AIMessage, BaseMessage } from '@langchain/core/messages';
import { ModelCallMeta } from 'src/modules/ai/engine/engine.types';

export const GEMINI_PROVIDER = 'gemini';

/** Sums `usage_metadata` (thinking tokens count as output) over the AI messages of one logical call (an analysis and its re-ask count as one). */
export function callMeta(model: string, promptVersion: string, messages: readonly unknown[], latencyMs: number): ModelCallMeta {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const message of messages) {
    if (!AIMessage.isInstance(message)) continue;
    const usage = message.usage_metadata;
    if (!usage) continue;
    inputTokens += usage.input_tokens;
    // google-genai reports candidatesTokenCount as output, leaving out the thinking tokens of 2.5 models, which
    // are billed as output; the total includes them.
    outputTokens += Math.max(usage.output_tokens, (usage.total_tokens ?? 0) - usage.input_tokens);
  }
  return { provider: GEMINI_PROVIDER, model, promptVersion, inputTokens, outputTokens, latencyMs };
}

export function textOf(message: BaseMessage): string {
  return message.text.trim();
}
