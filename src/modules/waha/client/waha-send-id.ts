/**
 * WAHA returns the engine's own object from the send endpoints (issues #407, #760), so the id of the
 * message we just sent sits in a different place per engine. Returns the serialized id
 * (`true_<chatId>_<keyId>`) or null when the body carries none (WEBJS 2025.6.5 answered an empty 201,
 * #1083/#1087): callers then match the later `message.any` (fromMe, source "api") instead.
 */
export function extractSentMessageId(response: unknown): string | null {
  if (!isRecord(response)) return null;
  return webjsId(response) ?? gowsId(response) ?? nowebId(response) ?? webjsId(response._data);
}

/** NOWEB jids (`5511…@s.whatsapp.net`, maybe `5511…:12@…`) become `5511…@c.us`; `@lid`/`@g.us` stay. */
export function jidToChatId(jid: string): string {
  if (!jid.endsWith('@s.whatsapp.net')) return jid;
  const [user] = jid.split('@');
  return `${user.split(':')[0]}@c.us`;
}

function webjsId(value: unknown): string | null {
  if (!isRecord(value) || !isRecord(value.id)) return null;
  return nonEmptyString(value.id._serialized);
}

function gowsId(value: Record<string, unknown>): string | null {
  return nonEmptyString(value.id);
}

function nowebId(value: Record<string, unknown>): string | null {
  const key = value.key;
  if (!isRecord(key)) return null;
  const remoteJid = nonEmptyString(key.remoteJid);
  const keyId = nonEmptyString(key.id);
  if (!remoteJid || !keyId) return null;
  const participant = nonEmptyString(key.participant);
  // The fourth part exists only in groups and status, where WhatsApp names the author.
  const suffix = participant ? `_${jidToChatId(participant)}` : '';
  return `${key.fromMe === false ? 'false' : 'true'}_${jidToChatId(remoteJid)}_${keyId}${suffix}`;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
