import { WahaClient } from 'src/modules/waha/client/waha.client';
import { WahaSendResult } from 'src/modules/waha/client/waha.types';
import { MessageEntity, MessageType } from '../message.entity';

/** Picks WAHA's endpoint for the message's type and returns WhatsApp's id for it (null when WAHA gave none). */
export async function sendThroughWaha(
  waha: WahaClient,
  session: string,
  chatId: string,
  message: Pick<MessageEntity, 'type' | 'body' | 'mediaSourceUrl' | 'mediaMimetype' | 'mediaFilename' | 'replyToWahaId'>,
): Promise<{ id: string | null; ack: number | null }> {
  const target = { session, chatId, replyTo: message.replyToWahaId ?? undefined };
  let result: WahaSendResult;
  if (!message.mediaSourceUrl || !message.mediaMimetype) {
    result = await waha.sendText({ ...target, text: message.body ?? '' });
  } else {
    const file = { url: message.mediaSourceUrl, mimetype: message.mediaMimetype, filename: message.mediaFilename ?? undefined };
    const caption = message.body ?? undefined;
    switch (message.type) {
      case MessageType.Image:
        result = await waha.sendImage({ ...target, file, caption });
        break;
      case MessageType.Video:
        result = await waha.sendVideo({ ...target, file, caption });
        break;
      case MessageType.Voice:
      case MessageType.Audio:
        // WhatsApp plays voice notes only as Opus in OGG; WAHA converts anything else.
        result = await waha.sendVoice({ ...target, file, convert: !message.mediaMimetype.includes('ogg') });
        break;
      default:
        result = await waha.sendFile({ ...target, file, caption });
    }
  }
  return { id: result.id, ack: ackOf(result.raw) };
}

function ackOf(raw: unknown): number | null {
  const ack = typeof raw === 'object' && raw !== null ? (raw as { ack?: unknown }).ack : undefined;
  return typeof ack === 'number' && Number.isInteger(ack) && ack >= -1 && ack <= 4 ? ack : null;
}
