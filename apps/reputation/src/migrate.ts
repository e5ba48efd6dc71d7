import { createDatabase, createLogger, databaseNameOf, pgSettings, runMigrations } from '@payforward/platform';
import { REPUTATION_MIGRATIONS } from './migrations/index.js';

/** `node dist/migrate.js`: creates the reputation database when missing and applies pending migrations. */
const logger = createLogger('reputation-migrate');
const settings = pgSettings(databaseNameOf('reputation'));
try {
  const created = await createDatabase(settings);
  const applied = await runMigrations(settings, REPUTATION_MIGRATIONS);
  logger.info({ database: settings.database, created, applied }, 'reputation database migrated');
} catch (error) {
  logger.fatal({ err: error, database: settings.database }, 'reputation migration failed');
  process.exitCode = 1;
}
