import { DataSource, type MigrationInterface } from 'typeorm';
import type { PgSettings } from '../config/service.config.js';

export type MigrationClass = new () => MigrationInterface;

/**
 * Applies pending TypeORM migrations, each in its own transaction. Schemas change only
 * through this explicit step (the services' `migrate.js`), never through `synchronize`.
 * Returns the names of the migrations it applied.
 */
export async function runMigrations(settings: PgSettings, migrations: MigrationClass[]): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    host: settings.host,
    port: settings.port,
    username: settings.user,
    password: settings.password,
    database: settings.database,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
