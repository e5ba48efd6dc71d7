import { createDatabase, createLogger, databaseNameOf, pgSettings, runMigrations } from '@payforward/platform';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';

/** `node dist/migrate.js`: creates the identity database when missing and applies pending migrations. */
const logger = createLogger('identity-migrate');
const settings = pgSettings(databaseNameOf('identity'));
try {
  const created = await createDatabase(settings);
  const applied = await runMigrations(settings, IDENTITY_MIGRATIONS);
  logger.info({ database: settings.database, created, applied }, 'identity database migrated');
} catch (error) {
  logger.fatal({ err: error, database: settings.database }, 'identity migration failed');
  process.exitCode = 1;
}
