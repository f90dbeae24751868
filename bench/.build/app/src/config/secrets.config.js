"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.secretsConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.secretsConfig = (0, config_1.registerAs)('secrets', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        keys: env.SECRETS_ENCRYPTION_KEYS.split(',').map((entry) => {
            const [id, key] = entry.split(':');
            return { id, key: Buffer.from(key, 'base64') };
        }),
    };
});
//# sourceMappingURL=secrets.config.js.map