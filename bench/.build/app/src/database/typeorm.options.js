"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildTypeOrmOptions = buildTypeOrmOptions;
const node_path_1 = require("node:path");
const snake_naming_strategy_1 = require("./snake-naming.strategy");
const projectRoot = (0, node_path_1.join)(__dirname, '..', '..');
function buildTypeOrmOptions(db) {
    return {
        type: 'postgres',
        uuidExtension: 'pgcrypto',
        host: db.host,
        port: db.port,
        username: db.user,
        password: db.password,
        database: db.name,
        ssl: db.ssl ? { rejectUnauthorized: false } : false,
        namingStrategy: new snake_naming_strategy_1.SnakeNamingStrategy(),
        entities: [(0, node_path_1.join)(projectRoot, 'src', '**', '*.entity.{ts,js}')],
        migrations: [(0, node_path_1.join)(projectRoot, 'migrations', '*.{ts,js}')],
        migrationsTableName: 'typeorm_migrations',
        migrationsTransactionMode: 'each',
        synchronize: false,
        migrationsRun: false,
        logging: db.logQueries ? 'all' : ['error', 'warn'],
        extra: {
            max: db.poolSize,
            connectionTimeoutMillis: 5_000,
            application_name: 'robbot',
        },
    };
}
//# sourceMappingURL=typeorm.options.js.map