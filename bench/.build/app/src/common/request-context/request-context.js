"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REQUEST_ID_HEADER = void 0;
exports.resolveRequestId = resolveRequestId;
exports.clientIpOf = clientIpOf;
const node_crypto_1 = require("node:crypto");
exports.REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
function resolveRequestId(raw) {
    const header = raw.headers[exports.REQUEST_ID_HEADER];
    const candidate = Array.isArray(header) ? header[0] : header;
    const id = candidate && SANE_REQUEST_ID.test(candidate) ? candidate : (0, node_crypto_1.randomUUID)();
    raw.id = id;
    return id;
}
function clientIpOf(raw, trustProxy) {
    if (trustProxy) {
        const header = raw.headers['x-forwarded-for'];
        const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
        if (first)
            return first;
    }
    return raw.socket?.remoteAddress;
}
//# sourceMappingURL=request-context.js.map