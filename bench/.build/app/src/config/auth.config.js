"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.authConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.authConfig = (0, config_1.registerAs)('auth', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        accessSecret: env.JWT_ACCESS_SECRET,
        accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
        refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
        superAdminEmail: env.SUPER_ADMIN_EMAIL,
        superAdminPassword: env.SUPER_ADMIN_PASSWORD,
        demoUserPassword: env.DEMO_USER_PASSWORD,
    };
});
//# sourceMappingURL=auth.config.js.map