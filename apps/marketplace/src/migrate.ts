import { createDatabase, createLogger, databaseNameOf, pgSettings, runMigrations } from '@payforward/platform';
import { MARKETPLACE_MIGRATIONS } from './migrations/index.js';

/** `node dist/migrate.js`: creates the marketplace database when missing and applies pending migrations. */
const logger = createLogger('marketplace-migrate');
const settings = pgSettings(databaseNameOf('marketplace'));
try {
  const created = await createDatabase(settings);
  const applied = await runMigrations(settings, MARKETPLACE_MIGRATIONS);
  logger.info({ database: settings.database, created, applied }, 'marketplace database migrated');
} catch (error) {
  logger.fatal({ err: error, database: settings.database }, 'marketplace migration failed');
  process.exitCode = 1;
}
