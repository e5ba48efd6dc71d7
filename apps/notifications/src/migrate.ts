import { createDatabase, createLogger, databaseNameOf, pgSettings, runMigrations } from '@payforward/platform';
import { NOTIFICATIONS_MIGRATIONS } from './migrations/index.js';

/** `node dist/migrate.js`: creates the notifications database when missing and applies pending migrations. */
const logger = createLogger('notifications-migrate');
const settings = pgSettings(databaseNameOf('notifications'));
try {
  const created = await createDatabase(settings);
  const applied = await runMigrations(settings, NOTIFICATIONS_MIGRATIONS);
  logger.info({ database: settings.database, created, applied }, 'notifications database migrated');
} catch (error) {
  logger.fatal({ err: error, database: settings.database }, 'notifications migration failed');
  process.exitCode = 1;
}
