import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseConfig } from 'src/config/database.config';
import { buildTypeOrmOptions } from './typeorm.options';

// TypeORM CLI entry (migration:run|revert|generate); the app builds its DataSource through TypeOrmModule.
export default new DataSource(buildTypeOrmOptions(databaseConfig()));
