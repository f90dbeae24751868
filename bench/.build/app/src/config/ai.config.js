"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.aiConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.aiConfig = (0, config_1.registerAs)('ai', () => {
    const env = (0, env_validation_1.loadEnv)();
    return { provider: env.AI_PROVIDER, geminiApiKey: env.GEMINI_API_KEY };
});
//# sourceMappingURL=ai.config.js.map