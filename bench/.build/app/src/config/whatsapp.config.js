"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.whatsappConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.whatsappConfig = (0, config_1.registerAs)('whatsapp', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        defaultSendRatePerMinute: env.WHATSAPP_DEFAULT_SEND_RATE_PER_MINUTE,
        defaultMinChatGapMs: env.WHATSAPP_DEFAULT_MIN_CHAT_GAP_MS,
        typingMsPerChar: env.WHATSAPP_TYPING_MS_PER_CHAR,
        typingMaxMs: env.WHATSAPP_TYPING_MAX_MS,
        sendAttempts: env.WHATSAPP_SEND_ATTEMPTS,
        sendBackoffMs: env.WHATSAPP_SEND_BACKOFF_MS,
    };
});
//# sourceMappingURL=whatsapp.config.js.map