import { MediaStatus, MessageLocation, MessageType } from '../message.entity';

type Json = Record<string, unknown>;

/** What we keep of a WAHA message payload, engine quirks resolved. */
export interface MappedMessage {
  wahaMessageId: string;
  /** WhatsApp's own key id: the same message under `@c.us` and `@lid` shares it. */
  wahaKeyId: string;
  type: MessageType;
  body: string | null;
  occurredAt: Date;
  ack: number | null;
  replyToWahaId: string | null;
  location: MessageLocation | null;
  vcards: string[] | null;
  media: { status: MediaStatus; mimetype: string | null; filename: string | null; sourceUrl: string | null; error: string | null } | null;
  pushName: string | null;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value.length > 0 ? clean(value).slice(0, max) : null);

/** `false_5511…@c.us_3EB0…[_participant]` → `3EB0…`; a bare key id stays as it is. */
export function keyIdOf(serializedId: string): string {
  const parts = serializedId.split('_');
  return parts.length >= 3 && (parts[0] === 'true' || parts[0] === 'false') ? parts[2] : serializedId;
}

export function mapWahaMessage(payload: Json): MappedMessage {
  const data = isObject(payload._data) ? payload._data : {};
  const location = mapLocation(payload.location);
  const vcards = Array.isArray(payload.vCards) ? payload.vCards.filter((card): card is string => typeof card === 'string').map((card) => clean(card).slice(0, 10_000)) : [];
  const media = payload.hasMedia === true ? mapMedia(payload.media) : null;
  const type = typeOf(location, vcards, media?.mimetype ?? null, typeof data.type === 'string' ? data.type : null, payload.hasMedia === true);
  const id = String(payload.id);
  return {
    wahaMessageId: id.slice(0, 200),
    wahaKeyId: keyIdOf(id).slice(0, 100),
    type,
    // WEBJS puts a base64 thumbnail in `body` for locations: it is not text.
    body: type === MessageType.Location ? (location?.name ?? location?.address ?? null) : text(payload.body, 65_536),
    occurredAt: new Date(Math.round(Number(payload.timestamp) * 1000)),
    ack: typeof payload.ack === 'number' && Number.isInteger(payload.ack) ? payload.ack : null,
    replyToWahaId: replyIdOf(payload.replyTo),
    location,
    vcards: vcards.length > 0 ? vcards : null,
    media,
    pushName: text(data.notifyName, 120) ?? text(data.pushName, 120) ?? null,
  };
}

function typeOf(location: MessageLocation | null, vcards: string[], mimetype: string | null, engineType: string | null, hasMedia: boolean): MessageType {
  if (location) return MessageType.Location;
  if (vcards.length > 0 || engineType === 'vcard' || engineType === 'multi_vcard') return MessageType.ContactCard;
  if (!hasMedia) return MessageType.Text;
  if (engineType === 'sticker') return MessageType.Sticker;
  if (engineType === 'ptt') return MessageType.Voice;
  const base = mimetype?.split(';')[0].trim().toLowerCase() ?? '';
  if (base.startsWith('image/')) return MessageType.Image;
  if (base.startsWith('video/')) return MessageType.Video;
  if (base.startsWith('audio/')) return mimetype?.includes('opus') || engineType === 'ptt' ? MessageType.Voice : MessageType.Audio;
  if (engineType && (Object.values(MessageType) as string[]).includes(engineType)) return engineType as MessageType;
  return MessageType.Document;
}

function mapMedia(media: unknown): MappedMessage['media'] {
  if (!isObject(media)) return { status: MediaStatus.Failed, mimetype: null, filename: null, sourceUrl: null, error: 'WAHA did not download the media' };
  const url = text(media.url, 2_000);
  const error = media.error === undefined || media.error === null ? null : String(typeof media.error === 'string' ? media.error : JSON.stringify(media.error)).slice(0, 255);
  return {
    status: url ? MediaStatus.Pending : MediaStatus.Failed,
    mimetype: text(media.mimetype, 100),
    filename: text(media.filename, 255),
    sourceUrl: url,
    error: url ? null : (error ?? 'WAHA did not download the media'),
  };
}

function mapLocation(location: unknown): MessageLocation | null {
  if (!isObject(location)) return null;
  // NOWEB and GOWS send coordinates as strings.
  const latitude = Number(location.latitude);
  const longitude = Number(location.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude, name: text(location.name, 255), address: text(location.address, 500) };
}

function replyIdOf(replyTo: unknown): string | null {
  if (!isObject(replyTo)) return null;
  return text(replyTo.id, 200);
}

// PostgreSQL text cannot hold NUL; it never carries meaning in a chat.
function clean(value: string): string {
  return value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
}
