"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONFIG_NAMESPACES = void 0;
__exportStar(require("./env.validation"), exports);
__exportStar(require("./app.config"), exports);
__exportStar(require("./database.config"), exports);
__exportStar(require("./redis.config"), exports);
__exportStar(require("./auth.config"), exports);
__exportStar(require("./throttle.config"), exports);
__exportStar(require("./waha.config"), exports);
__exportStar(require("./ai.config"), exports);
__exportStar(require("./whatsapp.config"), exports);
__exportStar(require("./queue.config"), exports);
__exportStar(require("./media.config"), exports);
__exportStar(require("./secrets.config"), exports);
const ai_config_1 = require("./ai.config");
const app_config_1 = require("./app.config");
const auth_config_1 = require("./auth.config");
const database_config_1 = require("./database.config");
const redis_config_1 = require("./redis.config");
const throttle_config_1 = require("./throttle.config");
const waha_config_1 = require("./waha.config");
const whatsapp_config_1 = require("./whatsapp.config");
const queue_config_1 = require("./queue.config");
const media_config_1 = require("./media.config");
const secrets_config_1 = require("./secrets.config");
exports.CONFIG_NAMESPACES = [app_config_1.appConfig, database_config_1.databaseConfig, redis_config_1.redisConfig, auth_config_1.authConfig, throttle_config_1.throttleConfig, waha_config_1.wahaConfig, ai_config_1.aiConfig, whatsapp_config_1.whatsappConfig, queue_config_1.queueConfig, media_config_1.mediaConfig, secrets_config_1.secretsConfig];
//# sourceMappingURL=index.js.map