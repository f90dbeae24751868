"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalizePhone = normalizePhone;
exports.phoneFromChatId = phoneFromChatId;
exports.isLidChatId = isLidChatId;
exports.isDirectChatId = isDirectChatId;
exports.chatIdForPhone = chatIdForPhone;
const BRAZIL = '55';
const MIN_E164_DIGITS = 8;
const MAX_E164_DIGITS = 15;
function normalizePhone(input) {
    const trimmed = input.trim();
    if (!/^[+\d\s().-]+$/.test(trimmed))
        return null;
    let digits = trimmed.replace(/\D/g, '');
    if (trimmed.startsWith('+')) {
    }
    else if (digits.startsWith('00')) {
        digits = digits.slice(2);
    }
    else if (digits.length === 10 || digits.length === 11) {
        digits = BRAZIL + digits.replace(/^0/, '');
    }
    else if (digits.length === 12 && digits.startsWith('0')) {
        digits = BRAZIL + digits.slice(1);
    }
    if (digits.startsWith(BRAZIL)) {
        const brazilian = normalizeBrazilian(digits.slice(BRAZIL.length));
        if (brazilian === null)
            return null;
        digits = BRAZIL + brazilian;
    }
    if (digits.length < MIN_E164_DIGITS || digits.length > MAX_E164_DIGITS || digits.startsWith('0'))
        return null;
    return `+${digits}`;
}
function normalizeBrazilian(national) {
    const area = national.slice(0, 2);
    const local = national.slice(2);
    if (!/^[1-9][1-9]$/.test(area))
        return null;
    if (local.length === 9)
        return local.startsWith('9') ? national : null;
    if (local.length !== 8)
        return null;
    return /^[6-9]/.test(local) ? `${area}9${local}` : national;
}
function phoneFromChatId(chatId) {
    const [user, server] = chatId.split('@');
    if (server !== 'c.us' && server !== 's.whatsapp.net')
        return null;
    return normalizePhone(`+${user.split(':')[0]}`);
}
function isLidChatId(chatId) {
    return chatId.endsWith('@lid');
}
function isDirectChatId(chatId) {
    return /^[\d:]+@(c\.us|lid|s\.whatsapp\.net)$/.test(chatId);
}
function chatIdForPhone(e164) {
    return `${e164.replace(/^\+/, '')}@c.us`;
}
//# sourceMappingURL=phone-number.js.map