"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CENSORED = exports.REDACTED_FIELDS = void 0;
exports.censorSensitive = censorSensitive;
exports.buildPinoHttpOptions = buildPinoHttpOptions;
exports.createLogDestination = createLogDestination;
exports.flushLogs = flushLogs;
exports.buildLoggerOptions = buildLoggerOptions;
const pino_1 = __importDefault(require("pino"));
exports.REDACTED_FIELDS = new Set([
    'password',
    'passwordHash',
    'token',
    'refreshToken',
    'refresh_token',
    'apiKey',
    'secret',
    'body',
    'text',
    'phone',
    'chatId',
]);
exports.CENSORED = '[REDACTED]';
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
function censorFields(object) {
    let copy;
    for (const key of Object.keys(object)) {
        if (exports.REDACTED_FIELDS.has(key))
            (copy ??= { ...object })[key] = exports.CENSORED;
    }
    return copy ?? object;
}
function censorSensitive(object) {
    let result = censorFields(object);
    for (const [key, value] of Object.entries(result)) {
        if (!isPlainObject(value))
            continue;
        const censored = censorFields(value);
        if (censored !== value)
            (result === object ? (result = { ...object }) : result)[key] = censored;
    }
    return result;
}
function pathOf(req) {
    return (req.originalUrl ?? req.url)?.split('?')[0];
}
function buildPinoHttpOptions(app) {
    return {
        level: app.logLevel,
        genReqId: (req) => req.id ?? 'unknown',
        formatters: { log: censorSensitive },
        serializers: {
            req: (req) => ({ id: req.id, method: req.method, url: pathOf(req) }),
            res: (res) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
        autoLogging: { ignore: (req) => pathOf(req)?.endsWith('/health') ?? false },
        customAttributeKeys: { reqId: 'requestId' },
        quietReqLogger: true,
    };
}
const destinations = [];
function createLogDestination() {
    const destination = pino_1.default.destination({ dest: 1, sync: false, minLength: 4096 });
    destinations.push(destination);
    return destination;
}
function flushLogs() {
    for (const destination of destinations) {
        try {
            destination.flushSync();
        }
        catch {
        }
    }
}
function buildLoggerOptions(app, destination = createLogDestination()) {
    return {
        pinoHttp: [buildPinoHttpOptions(app), destination],
        forRoutes: ['*path'],
    };
}
//# sourceMappingURL=logger.options.js.map