"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.queueConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.queueConfig = (0, config_1.registerAs)('queue', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        inboxSweepAfterMs: env.INBOX_SWEEP_AFTER_MS,
        backlogAlertThreshold: env.QUEUE_BACKLOG_ALERT_THRESHOLD,
    };
});
//# sourceMappingURL=queue.config.js.map