"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.extractSentMessageId = extractSentMessageId;
exports.jidToChatId = jidToChatId;
function extractSentMessageId(response) {
    if (!isRecord(response))
        return null;
    return webjsId(response) ?? gowsId(response) ?? nowebId(response) ?? webjsId(response._data);
}
function jidToChatId(jid) {
    if (!jid.endsWith('@s.whatsapp.net'))
        return jid;
    const [user] = jid.split('@');
    return `${user.split(':')[0]}@c.us`;
}
function webjsId(value) {
    if (!isRecord(value) || !isRecord(value.id))
        return null;
    return nonEmptyString(value.id._serialized);
}
function gowsId(value) {
    return nonEmptyString(value.id);
}
function nowebId(value) {
    const key = value.key;
    if (!isRecord(key))
        return null;
    const remoteJid = nonEmptyString(key.remoteJid);
    const keyId = nonEmptyString(key.id);
    if (!remoteJid || !keyId)
        return null;
    const participant = nonEmptyString(key.participant);
    const suffix = participant ? `_${jidToChatId(participant)}` : '';
    return `${key.fromMe === false ? 'false' : 'true'}_${jidToChatId(remoteJid)}_${keyId}${suffix}`;
}
function nonEmptyString(value) {
    return typeof value === 'string' && value.length > 0 ? value : null;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=waha-send-id.js.map