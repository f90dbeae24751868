"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var WahaClient_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.WahaClient = void 0;
const common_1 = require("@nestjs/common");
const waha_config_1 = require("../../../config/waha.config");
const waha_media_1 = require("./waha-media");
const waha_send_id_1 = require("./waha-send-id");
const waha_http_1 = require("./waha-http");
const waha_errors_1 = require("./waha.errors");
const seg = encodeURIComponent;
let WahaClient = WahaClient_1 = class WahaClient {
    config;
    logger = new common_1.Logger(WahaClient_1.name);
    http;
    constructor(config) {
        this.config = config;
        this.http = new waha_http_1.WahaHttp({ baseUrl: config.baseUrl, apiKey: config.apiKey, timeoutMs: config.timeoutMs }, this.logger);
    }
    async ping(call) {
        await this.http.none({ operation: 'ping', method: 'GET', path: '/ping', ...call });
    }
    async listSessions(call) {
        const body = await this.http.json({ operation: 'listSessions', method: 'GET', path: '/api/sessions', query: { all: true }, ...call });
        if (!Array.isArray(body))
            throw invalid('listSessions', 'expected an array of sessions');
        return body.map((item) => asSessionInfo(item, 'listSessions'));
    }
    async createSession(input, call) {
        const body = { name: input.name, start: input.start ?? true, ...(input.config ? { config: input.config } : {}) };
        return this.session({ operation: 'createSession', method: 'POST', path: '/api/sessions', body, ...call });
    }
    getSession(session, call) {
        return this.session({ operation: 'getSession', method: 'GET', path: `/api/sessions/${seg(session)}`, ...call });
    }
    startSession(session, call) {
        return this.sessionAction('startSession', session, 'start', call);
    }
    stopSession(session, call) {
        return this.sessionAction('stopSession', session, 'stop', call);
    }
    restartSession(session, call) {
        return this.sessionAction('restartSession', session, 'restart', call);
    }
    logoutSession(session, call) {
        return this.sessionAction('logoutSession', session, 'logout', call);
    }
    async deleteSession(session, call) {
        await this.http.none({ operation: 'deleteSession', method: 'DELETE', path: `/api/sessions/${seg(session)}`, ...call });
    }
    async getQrImage(session, call) {
        const request = {
            operation: 'getQrImage',
            method: 'GET',
            path: `/api/${seg(session)}/auth/qr`,
            query: { format: 'image' },
            accept: 'image/png',
            ...call,
        };
        return this.http.exchange(request, async (response, operation) => {
            const data = Buffer.from(await response.arrayBuffer());
            const contentType = response.headers.get('content-type') ?? '';
            if (contentType.startsWith('image/'))
                return data;
            const parsed = (0, waha_http_1.parseJson)(data.toString('utf8'));
            if (parsed.ok && (0, waha_http_1.isRecord)(parsed.value) && typeof parsed.value.data === 'string')
                return Buffer.from(parsed.value.data, 'base64');
            throw invalid(operation, 'expected a PNG image');
        });
    }
    async getQrRaw(session, call) {
        const path = `/api/${seg(session)}/auth/qr`;
        const body = await this.http.json({ operation: 'getQrRaw', method: 'GET', path, query: { format: 'raw' }, ...call });
        if (!(0, waha_http_1.isRecord)(body) || typeof body.value !== 'string')
            throw invalid('getQrRaw', 'expected {value}');
        return body.value;
    }
    async getMe(session, call) {
        const body = await this.http.optionalJson({ operation: 'getMe', method: 'GET', path: `/api/sessions/${seg(session)}/me`, ...call });
        if (body === null)
            return null;
        if (!(0, waha_http_1.isRecord)(body) || typeof body.id !== 'string')
            throw invalid('getMe', 'expected {id, pushName}');
        return body;
    }
    sendText(input, call) {
        const { replyTo, ...rest } = input;
        return this.send('sendText', { ...rest, reply_to: replyTo }, call);
    }
    sendImage(input, call) {
        return this.sendMedia('sendImage', input, call);
    }
    sendFile(input, call) {
        return this.sendMedia('sendFile', input, call);
    }
    sendVideo(input, call) {
        return this.sendMedia('sendVideo', input, call);
    }
    sendVoice(input, call) {
        const { replyTo, ...rest } = input;
        return this.send('sendVoice', { ...rest, reply_to: replyTo }, call);
    }
    sendLocation(input, call) {
        const { replyTo, ...rest } = input;
        return this.send('sendLocation', { ...rest, reply_to: replyTo }, call);
    }
    async sendSeen(input, call) {
        await this.post('sendSeen', '/api/sendSeen', input, call);
    }
    async startTyping(input, call) {
        await this.post('startTyping', '/api/startTyping', input, call);
    }
    async stopTyping(input, call) {
        await this.post('stopTyping', '/api/stopTyping', input, call);
    }
    async getChatMessages(session, chatId, options) {
        const body = await this.http.json({
            operation: 'getChatMessages',
            method: 'GET',
            path: `/api/${seg(session)}/chats/${seg(chatId)}/messages`,
            query: { limit: options.limit, downloadMedia: false, 'filter.fromMe': options.fromMe },
            timeoutMs: options.timeoutMs,
        });
        if (!Array.isArray(body) || !body.every((item) => (0, waha_http_1.isRecord)(item) && typeof item.id === 'string')) {
            throw invalid('getChatMessages', 'expected an array of messages');
        }
        return body;
    }
    async checkNumberExists(session, phone, call) {
        const query = { phone, session };
        const body = await this.http.json({ operation: 'checkNumberExists', method: 'GET', path: '/api/contacts/check-exists', query, ...call });
        if (!(0, waha_http_1.isRecord)(body) || typeof body.numberExists !== 'boolean')
            throw invalid('checkNumberExists', 'expected {numberExists}');
        return { numberExists: body.numberExists, chatId: typeof body.chatId === 'string' && body.chatId ? body.chatId : null };
    }
    downloadMedia(mediaUrl, options) {
        return (0, waha_media_1.downloadMediaFrom)(this.http, mediaUrl, options);
    }
    async session(request) {
        return asSessionInfo(await this.http.json(request), request.operation);
    }
    sessionAction(operation, session, action, call) {
        return this.session({ operation, method: 'POST', path: `/api/sessions/${seg(session)}/${action}`, ...call });
    }
    sendMedia(operation, input, call) {
        const { replyTo, ...rest } = input;
        return this.send(operation, { ...rest, reply_to: replyTo }, call);
    }
    async post(operation, path, body, call) {
        await this.http.none({ operation, method: 'POST', path, body: withoutUndefined(body), ...call });
    }
    send(operation, body, call) {
        const request = { operation, method: 'POST', path: `/api/${operation}`, body: withoutUndefined(body), ...call };
        return this.http.exchange(request, async (response) => {
            const text = await response.text();
            const parsed = (0, waha_http_1.parseJson)(text);
            if (!parsed.ok)
                return { id: null, raw: text };
            return { id: (0, waha_send_id_1.extractSentMessageId)(parsed.value), raw: parsed.value };
        });
    }
};
exports.WahaClient = WahaClient;
exports.WahaClient = WahaClient = WahaClient_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(waha_config_1.wahaConfig.KEY)),
    __metadata("design:paramtypes", [void 0])
], WahaClient);
function asSessionInfo(value, operation) {
    if (!(0, waha_http_1.isRecord)(value) || typeof value.name !== 'string' || typeof value.status !== 'string') {
        throw invalid(operation, 'expected a session {name, status}');
    }
    return value;
}
function invalid(operation, reason) {
    return new waha_errors_1.WahaInvalidResponseError({ operation }, reason);
}
function withoutUndefined(body) {
    return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
//# sourceMappingURL=waha.client.js.map