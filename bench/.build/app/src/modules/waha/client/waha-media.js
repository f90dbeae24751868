"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.downloadMediaFrom = downloadMediaFrom;
const waha_errors_1 = require("./waha.errors");
const OPERATION = 'downloadMedia';
async function downloadMediaFrom(http, mediaUrl, options) {
    const target = parseMediaUrl(mediaUrl);
    return http.exchange({ operation: OPERATION, method: 'GET', path: target.pathname, accept: '*/*', timeoutMs: options.timeoutMs }, (response) => readCapped(response, options.maxBytes), http.urlFor(target.pathname, target.search));
}
function parseMediaUrl(mediaUrl) {
    let url;
    try {
        url = new URL(mediaUrl);
    }
    catch {
        throw invalidUrl();
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw invalidUrl();
    return url;
}
function invalidUrl() {
    return new waha_errors_1.WahaClientError({ operation: OPERATION }, `WAHA ${OPERATION}: the media URL is not an absolute http(s) URL`);
}
async function readCapped(response, maxBytes) {
    const mimetype = response.headers.get('content-type')?.trim() || null;
    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
    }
    const reader = response.body?.getReader();
    if (!reader)
        return { data: Buffer.alloc(0), mimetype };
    const chunks = [];
    let received = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        received += value.byteLength;
        if (received > maxBytes) {
            void reader.cancel().catch(() => undefined);
            throw tooLarge(maxBytes);
        }
        chunks.push(Buffer.from(value));
    }
    return { data: Buffer.concat(chunks), mimetype };
}
function tooLarge(maxBytes) {
    return new waha_errors_1.WahaMediaTooLargeError({ operation: OPERATION }, maxBytes);
}
//# sourceMappingURL=waha-media.js.map