"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redisConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.redisConfig = (0, config_1.registerAs)('redis', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        host: env.REDIS_HOST,
        port: env.REDIS_PORT,
        password: env.REDIS_PASSWORD,
        db: env.REDIS_DB,
        keyPrefix: env.REDIS_KEY_PREFIX,
    };
});
//# sourceMappingURL=redis.config.js.map