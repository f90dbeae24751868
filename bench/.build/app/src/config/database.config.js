"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.databaseConfig = void 0;
const config_1 = require("@nestjs/config");
const env_validation_1 = require("./env.validation");
exports.databaseConfig = (0, config_1.registerAs)('database', () => {
    const env = (0, env_validation_1.loadEnv)();
    return {
        host: env.DATABASE_HOST,
        port: env.DATABASE_PORT,
        user: env.DATABASE_USER,
        password: env.DATABASE_PASSWORD,
        name: env.DATABASE_NAME,
        poolSize: env.DATABASE_POOL_SIZE,
        ssl: env.DATABASE_SSL,
        logQueries: env.DATABASE_LOG_QUERIES,
    };
});
//# sourceMappingURL=database.config.js.map