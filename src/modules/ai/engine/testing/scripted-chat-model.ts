import { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { BaseChatModel, BaseChatModelCallOptions } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { ChatResult } from '@langchain/core/outputs';
import { Runnable } from '@langchain/core/runnables';

/** One scripted turn: a reply, an error to throw, or `'hang'` (never answers until aborted). */
export type ScriptStep = AIMessage | Error | 'hang';

/**
 * A LangChain chat model for tests that plays a script, records what it was sent, and supports
 * `withStructuredOutput` through tool calls (LangChain's base implementation), so engines run the same pipeline
 * they run against Gemini. Plays the last step again when the script runs out.
 */
export class ScriptedChatModel extends BaseChatModel {
  readonly calls: BaseMessage[][] = [];
  private next = 0;

  constructor(private readonly script: ScriptStep[]) {
    super({});
  }

  _llmType(): string {
    return 'scripted';
  }

  override bindTools(): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    return this;
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    this.calls.push(messages);
    const step = this.script[Math.min(this.next, this.script.length - 1)];
    this.next += 1;
    if (step === 'hang') return hang(options.signal);
    if (step instanceof Error) throw step;
    return { generations: [{ message: step, text: step.text }] };
  }
}

function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('AbortError: aborted')));
  });
}

export function jsonReply(value: unknown, usage = { input_tokens: 120, output_tokens: 40 }): AIMessage {
  return textReply(JSON.stringify(value), usage);
}

export function textReply(text: string, usage = { input_tokens: 120, output_tokens: 40 }): AIMessage {
  return new AIMessage({ content: text, usage_metadata: { ...usage, total_tokens: usage.input_tokens + usage.output_tokens } });
}

export function toolCallReply(name: string, args: Record<string, unknown>): AIMessage {
  return new AIMessage({
    content: '',
    tool_calls: [{ id: 'call-1', name, args, type: 'tool_call' }],
    usage_metadata: { input_tokens: 100, output_tokens: 30, total_tokens: 130 },
  });
}

/** Errors shaped like `@google/generative-ai`'s GoogleGenerativeAIFetchError. */
export function httpError(status: number, message: string): Error {
  return Object.assign(new Error(`[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com: [${status}] ${message}`), { status });
}
