"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WAHA_SESSION_NAME_PATTERN = exports.DEFAULT_SESSION_LABEL = exports.SESSION_LABEL_PATTERN = void 0;
exports.wahaSessionName = wahaSessionName;
exports.restartDelayMs = restartDelayMs;
exports.isRestartDue = isRestartDue;
exports.afterRestart = afterRestart;
exports.sessionHealth = sessionHealth;
exports.storedStatus = storedStatus;
exports.meFields = meFields;
const whatsapp_session_entity_1 = require("./whatsapp-session.entity");
exports.SESSION_LABEL_PATTERN = /^[a-z0-9-]{1,30}$/;
exports.DEFAULT_SESSION_LABEL = 'main';
exports.WAHA_SESSION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,54}$/;
const ORGANIZATION_PREFIX_LENGTH = 12;
function wahaSessionName(organizationId, label) {
    if (!exports.SESSION_LABEL_PATTERN.test(label))
        throw new Error(`Invalid session label "${label}"`);
    const prefix = organizationId.replace(/-/g, '').slice(0, ORGANIZATION_PREFIX_LENGTH).toLowerCase();
    const name = `${prefix}-${label}`;
    if (!exports.WAHA_SESSION_NAME_PATTERN.test(name))
        throw new Error(`Cannot build a WAHA session name from organization "${organizationId}"`);
    return name;
}
const RESTART_BASE_DELAY_MS = 60_000;
const RESTART_MAX_DELAY_MS = 3_600_000;
function restartDelayMs(attempts) {
    return Math.min(RESTART_BASE_DELAY_MS * 2 ** Math.max(0, attempts), RESTART_MAX_DELAY_MS);
}
function isRestartDue(state, now, maxAttempts) {
    if (state.restartAttempts >= maxAttempts)
        return false;
    return state.nextRestartAt === null || now.getTime() >= state.nextRestartAt.getTime();
}
function afterRestart(state, now) {
    return { restartAttempts: state.restartAttempts + 1, nextRestartAt: new Date(now.getTime() + restartDelayMs(state.restartAttempts)) };
}
function sessionHealth(status) {
    switch (status) {
        case whatsapp_session_entity_1.WhatsappSessionStatus.Working:
            return 'working';
        case whatsapp_session_entity_1.WhatsappSessionStatus.Failed:
        case whatsapp_session_entity_1.WhatsappSessionStatus.Stopped:
            return 'down';
        case whatsapp_session_entity_1.WhatsappSessionStatus.Starting:
            return 'transient';
        default:
            return 'needs-pairing';
    }
}
const STATUS_MAX_LENGTH = 40;
function storedStatus(status) {
    return status.slice(0, STATUS_MAX_LENGTH);
}
function meFields(me) {
    return { meId: me.id.slice(0, 64), mePushName: me.pushName ? me.pushName.slice(0, 120) : null };
}
//# sourceMappingURL=whatsapp-session.rules.js.map