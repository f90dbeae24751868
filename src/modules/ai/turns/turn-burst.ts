import { MessageEntity, MessageType } from 'src/modules/conversations/message.entity';

export interface BurstText {
  texts: string[];
  /** A voice note we could not turn into text (offline, or the model failed). */
  unreadableVoice: boolean;
}

const VOICE_TYPES = new Set<MessageType>([MessageType.Voice, MessageType.Audio]);

/** The burst as text for the analysis: bodies and captions, voice notes transcribed when possible. */
export async function readBurst(messages: MessageEntity[], transcribe: (message: MessageEntity) => Promise<string | null>): Promise<BurstText> {
  const texts: string[] = [];
  let unreadableVoice = false;
  for (const message of messages) {
    if (VOICE_TYPES.has(message.type)) {
      const transcript = await transcribe(message);
      if (transcript?.trim()) texts.push(transcript.trim());
      else unreadableVoice = true;
    } else if (message.body?.trim()) {
      texts.push(message.body.trim());
    }
  }
  return { texts, unreadableVoice };
}
