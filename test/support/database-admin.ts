import { DataSource } from 'typeorm';
import { databaseConfig } from 'src/config/database.config';
import { buildTypeOrmOptions } from 'src/database/typeorm.options';

/** A connection to the server's maintenance database, for creating and dropping throwaway databases. */
export async function withAdminConnection<T>(work: (admin: DataSource) => Promise<T>): Promise<T> {
  const admin = await new DataSource({ ...buildTypeOrmOptions(databaseConfig()), database: 'postgres', entities: [], migrations: [] }).initialize();
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

export async function createDatabase(name: string): Promise<void> {
  await withAdminConnection((admin) => admin.query(`CREATE DATABASE "${name}"`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminConnection((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export function dataSourceFor(name: string): DataSource {
  return new DataSource({ ...buildTypeOrmOptions({ ...databaseConfig(), name }) });
}
