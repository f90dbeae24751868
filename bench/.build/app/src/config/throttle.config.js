"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.throttleConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.throttleConfig = (0, config_1.registerAs)('throttle', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        orgLimitPerMinute: env.THROTTLE_ORG_LIMIT_PER_MINUTE,
        loginLimitPerMinute: env.THROTTLE_LOGIN_LIMIT_PER_MINUTE,
        registerLimitPerHour: env.THROTTLE_REGISTER_LIMIT_PER_HOUR,
    };
});
//# sourceMappingURL=throttle.config.js.map