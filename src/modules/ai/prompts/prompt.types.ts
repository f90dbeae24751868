import { ChatPromptTemplate } from '@langchain/core/prompts';

/**
 * A prompt is identified by `version` in every model-call record and in the answer cache key, so any change to
 * its wording must bump the version (`reply@1` → `reply@2`); otherwise cached answers from the old wording survive.
 */
export interface VersionedPrompt<Variables extends Record<string, string>> {
  readonly id: string;
  readonly version: string;
  readonly template: ChatPromptTemplate<Variables>;
}

/** One line of a conversation as the prompts see it. */
export interface ConversationLine {
  direction: 'inbound' | 'outbound';
  body: string;
}

/** A system message with the rules and context, then the human turn; `revision` makes the version `id@revision`. */
export function systemHumanPrompt<Variables extends Record<string, string>>(
  id: string,
  revision: number,
  system: string,
  human: string,
): VersionedPrompt<Variables> {
  return {
    id,
    version: `${id}@${revision}`,
    template: ChatPromptTemplate.fromMessages<Variables>([
      ['system', system],
      ['human', human],
    ]),
  };
}
