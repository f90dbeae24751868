"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mediaConfig = void 0;
const node_path_1 = require("node:path");
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.mediaConfig = (0, config_1.registerAs)('media', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        storageDir: (0, node_path_1.isAbsolute)(env.MEDIA_STORAGE_DIR) ? env.MEDIA_STORAGE_DIR : (0, node_path_1.resolve)(process.cwd(), env.MEDIA_STORAGE_DIR),
        maxBytes: env.MEDIA_MAX_BYTES,
        allowedMimetypes: new Set(env.MEDIA_ALLOWED_MIMETYPES.split(',')
            .map((type) => type.trim().toLowerCase())
            .filter(Boolean)),
    };
});
//# sourceMappingURL=media.config.js.map