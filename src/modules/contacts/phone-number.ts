const BRAZIL = '55';
const MIN_E164_DIGITS = 8;
const MAX_E164_DIGITS = 15;

/**
 * Normalises a phone to E.164 (`+5511987654321`). Numbers without a country code are taken as Brazilian
 * (10–11 digits: area code + number). Brazilian mobiles get the ninth digit WhatsApp ids of old accounts
 * lack (`55 11 8765-4321` → `+55 11 98765-4321`); landlines (first digit 2–5) keep eight digits.
 * Returns null when the input cannot be a phone number.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else if (digits.length === 10 || digits.length === 11) {
    digits = BRAZIL + digits.replace(/^0/, '');
  } else if (digits.length === 12 && digits.startsWith('0')) {
    digits = BRAZIL + digits.slice(1); // trunk prefix 0 + area code + number
  }
  if (digits.startsWith(BRAZIL)) {
    const brazilian = normalizeBrazilian(digits.slice(BRAZIL.length));
    if (brazilian === null) return null;
    digits = BRAZIL + brazilian;
  }
  if (digits.length < MIN_E164_DIGITS || digits.length > MAX_E164_DIGITS || digits.startsWith('0')) return null;
  return `+${digits}`;
}

function normalizeBrazilian(national: string): string | null {
  const area = national.slice(0, 2);
  const local = national.slice(2);
  if (!/^[1-9][1-9]$/.test(area)) return null;
  if (local.length === 9) return local.startsWith('9') ? national : null;
  if (local.length !== 8) return null;
  return /^[6-9]/.test(local) ? `${area}9${local}` : national;
}

/** `5511987654321@c.us` (or NOWEB's `…@s.whatsapp.net`, `…:12@…`) → E.164; null for `@lid` and others. */
export function phoneFromChatId(chatId: string): string | null {
  const [user, server] = chatId.split('@');
  if (server !== 'c.us' && server !== 's.whatsapp.net') return null;
  return normalizePhone(`+${user.split(':')[0]}`);
}

export function isLidChatId(chatId: string): boolean {
  return chatId.endsWith('@lid');
}

/** Direct chats only: groups, broadcasts (status) and channels are not patients. */
export function isDirectChatId(chatId: string): boolean {
  return /^[\d:]+@(c\.us|lid|s\.whatsapp\.net)$/.test(chatId);
}

/** The chat id to send to for a phone we never received from (WAHA appends @c.us to bare digits). */
export function chatIdForPhone(e164: string): string {
  return `${e164.replace(/^\+/, '')}@c.us`;
}
