"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WahaHttp = void 0;
exports.toSearch = toSearch;
exports.parseJson = parseJson;
exports.isRecord = isRecord;
exports.wahaMessageOf = wahaMessageOf;
exports.transportError = transportError;
const waha_errors_1 = require("./waha.errors");
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
class WahaHttp {
    options;
    logger;
    constructor(options, logger) {
        this.options = options;
        this.logger = logger;
    }
    urlFor(path, query) {
        const search = typeof query === 'string' ? query : toSearch(query);
        return `${this.options.baseUrl}${path}${search}`;
    }
    async exchange(request, read, url = this.urlFor(request.path, request.query)) {
        const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
        const startedAt = Date.now();
        try {
            const response = await fetch(url, {
                method: request.method,
                headers: this.headersFor(request),
                body: request.body === undefined ? undefined : JSON.stringify(request.body),
                signal: AbortSignal.timeout(timeoutMs),
                redirect: 'manual',
            });
            this.logger.debug({ operation: request.operation, method: request.method, status: response.status, ms: Date.now() - startedAt }, 'waha call');
            if (response.status < 200 || response.status >= 300)
                throw await statusError(response, request.operation);
            return await read(response, request.operation);
        }
        catch (error) {
            throw transportError(error, request.operation, timeoutMs);
        }
    }
    async json(request) {
        return this.exchange(request, async (response, operation) => {
            const parsed = parseJson(await response.text());
            if (!parsed.ok || parsed.value === null)
                throw new waha_errors_1.WahaInvalidResponseError({ operation, status: response.status }, 'expected a JSON body');
            return parsed.value;
        });
    }
    async optionalJson(request) {
        return this.exchange(request, async (response, operation) => {
            const parsed = parseJson(await response.text());
            if (!parsed.ok)
                throw new waha_errors_1.WahaInvalidResponseError({ operation, status: response.status }, 'expected a JSON body');
            return parsed.value;
        });
    }
    async none(request) {
        await this.exchange(request, async (response) => {
            await response.arrayBuffer();
        });
    }
    headersFor(request) {
        const headers = { Accept: request.accept ?? 'application/json' };
        if (request.body !== undefined)
            headers['Content-Type'] = 'application/json';
        if (this.options.apiKey)
            headers['X-Api-Key'] = this.options.apiKey;
        return headers;
    }
}
exports.WahaHttp = WahaHttp;
function toSearch(query) {
    if (!query)
        return '';
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
        if (value !== undefined)
            params.set(key, String(value));
    const search = params.toString();
    return search ? `?${search}` : '';
}
function parseJson(text) {
    if (text.trim() === '')
        return { ok: true, value: null };
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function wahaMessageOf(body) {
    if (!isRecord(body))
        return undefined;
    const { message, error, exception } = body;
    if (typeof message === 'string' && message)
        return message;
    if (Array.isArray(message) && message.length > 0)
        return message.map(String).join('; ');
    if (typeof error === 'string' && error)
        return error;
    if (isRecord(error)) {
        const text = error.message ?? error.key;
        if (typeof text === 'string' && text)
            return text;
    }
    if (isRecord(exception) && typeof exception.message === 'string')
        return exception.message;
    return undefined;
}
async function statusError(response, operation) {
    const status = response.status;
    if (status < 400) {
        await response.body?.cancel();
        return new waha_errors_1.WahaInvalidResponseError({ operation, status }, `unexpected status ${status}`);
    }
    const parsed = parseJson(await response.text());
    const body = parsed.ok ? parsed.value : null;
    const wahaMessage = wahaMessageOf(body);
    if (status >= 500)
        return new waha_errors_1.WahaServerError({ operation, status, wahaMessage });
    const sessionStatus = isRecord(body) && typeof body.status === 'string' && Array.isArray(body.expected) ? body.status : undefined;
    return new waha_errors_1.WahaClientError({ operation, status, wahaMessage, sessionStatus });
}
function transportError(error, operation, timeoutMs) {
    if ((0, waha_errors_1.isWahaError)(error))
        return error;
    const name = isRecord(error) && typeof error.name === 'string' ? error.name : undefined;
    const code = errorCode(error);
    if (name === 'TimeoutError' || name === 'AbortError' || (code && TIMEOUT_CODES.has(code))) {
        return new waha_errors_1.WahaTimeoutError({ operation, cause: error }, timeoutMs);
    }
    return new waha_errors_1.WahaUnreachableError({ operation, cause: error }, code);
}
function errorCode(error, depth = 0) {
    if (!isRecord(error))
        return undefined;
    const record = error;
    if (typeof record.code === 'string')
        return record.code;
    if (depth >= 4)
        return undefined;
    if (Array.isArray(record.errors)) {
        for (const inner of record.errors) {
            const code = errorCode(inner, depth + 1);
            if (code)
                return code;
        }
    }
    return errorCode(record.cause, depth + 1);
}
//# sourceMappingURL=waha-http.js.map