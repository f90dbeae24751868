"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.wahaConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.wahaConfig = (0, config_1.registerAs)('waha', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        baseUrl: env.WAHA_BASE_URL.replace(/\/+$/, ''),
        apiKey: env.WAHA_API_KEY,
        timeoutMs: env.WAHA_TIMEOUT_MS,
        webhookUrl: env.WAHA_WEBHOOK_URL,
        sessionCheckIntervalMs: env.WAHA_SESSION_CHECK_INTERVAL_SECONDS * 1_000,
        maxRestartAttempts: env.WAHA_MAX_RESTART_ATTEMPTS,
    };
});
//# sourceMappingURL=waha.config.js.map