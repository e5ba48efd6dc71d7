import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import type { MigrationClass } from '@payforward/platform';
import { ReputationSchema1767225600300 } from './1767225600300-reputation-schema.migration.js';

/** Every migration of the reputation database, oldest first (TypeORM sorts them by timestamp). */
export const REPUTATION_MIGRATIONS: MigrationClass[] = [ReputationSchema1767225600300, ProcessedEventsSchema1767225700000];
