"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
var RedisConnectionFactory_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisConnectionFactory = void 0;
const common_1 = require("@nestjs/common");
const ioredis_1 = __importDefault(require("ioredis"));
const redis_config_1 = require("../../config/redis.config");
let RedisConnectionFactory = RedisConnectionFactory_1 = class RedisConnectionFactory {
    config;
    logger = new common_1.Logger(RedisConnectionFactory_1.name);
    connections = new Set();
    constructor(config) {
        this.config = config;
    }
    get keyPrefix() {
        return this.config.keyPrefix;
    }
    key(...parts) {
        return [this.config.keyPrefix, ...parts].join(':');
    }
    create(connectionName, overrides = {}) {
        const connection = new ioredis_1.default({
            host: this.config.host,
            port: this.config.port,
            password: this.config.password,
            db: this.config.db,
            connectionName: `robbot-${connectionName}`,
            lazyConnect: false,
            enableOfflineQueue: true,
            maxRetriesPerRequest: 3,
            retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
            ...overrides,
        });
        connection.on('error', (error) => this.logger.warn({ connection: connectionName, err: error.message }, 'redis error'));
        this.connections.add(connection);
        return connection;
    }
    async onApplicationShutdown() {
        await Promise.all([...this.connections].map(async (connection) => {
            try {
                await connection.quit();
            }
            catch {
                connection.disconnect();
            }
        }));
        this.connections.clear();
    }
};
exports.RedisConnectionFactory = RedisConnectionFactory;
exports.RedisConnectionFactory = RedisConnectionFactory = RedisConnectionFactory_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(redis_config_1.redisConfig.KEY)),
    __metadata("design:paramtypes", [void 0])
], RedisConnectionFactory);
//# sourceMappingURL=redis-connection.factory.js.map