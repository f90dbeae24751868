import { join } from 'node:path';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { DatabaseConfig } from 'src/config/database.config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const projectRoot = join(__dirname, '..', '..');

/**
 * The one TypeORM configuration, used by the app (TypeOrmModule) and the CLI (data-source.ts).
 * Schema changes only through migrations: synchronize and migrationsRun stay off everywhere.
 */
export function buildTypeOrmOptions(db: DatabaseConfig): PostgresConnectionOptions {
  return {
    type: 'postgres',
    // gen_random_uuid() is built in (PostgreSQL 13+); uuid-ossp is not needed.
    uuidExtension: 'pgcrypto',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    ssl: db.ssl ? { rejectUnauthorized: false } : false,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [join(projectRoot, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(projectRoot, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: db.logQueries ? 'all' : ['error', 'warn'],
    extra: {
      max: db.poolSize,
      // A request waiting on a dead database should fail fast (503), not hang.
      connectionTimeoutMillis: 5_000,
      application_name: 'robbot',
    },
  };
}
