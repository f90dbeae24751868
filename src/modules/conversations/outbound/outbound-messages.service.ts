import { Injectable } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { ConversationEntity } from '../conversation.entity';
import { MessageEntity } from '../message.entity';

export interface OutboundMediaInput {
  url: string;
  mimetype: string;
  filename?: string;
  caption?: string;
}

export type OutboundInput = { text: string; media?: undefined } | { text?: undefined; media: OutboundMediaInput };

/** Writes the message row first (`queued`), then enqueues its send job. */
@Injectable()
export class OutboundMessagesService {
  /** A secretary or admin writes to the patient; takes the conversation over from the bot. */
  async queueFromUser(actor: AuthUser, conversation: ConversationEntity, input: OutboundInput): Promise<MessageEntity> {
    void actor;
    void conversation;
    void input;
    throw new Error('not implemented yet');
  }
}
