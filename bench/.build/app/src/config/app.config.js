"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.appConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.appConfig = (0, config_1.registerAs)('app', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        nodeEnv: env.NODE_ENV,
        role: env.APP_ROLE,
        port: env.PORT,
        host: env.HOST,
        corsOrigins: env.CORS_ORIGINS.split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
        logLevel: env.LOG_LEVEL,
        bodyLimitBytes: env.BODY_LIMIT_BYTES,
        trustProxy: env.TRUST_PROXY,
        swaggerEnabled: env.SWAGGER_ENABLED,
        shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    };
});
//# sourceMappingURL=app.config.js.map