import { EventStoreSchemaMigration } from '@payforward/event-store';
import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import type { MigrationClass } from '@payforward/platform';
import { MarketplaceSchema1767225600200 } from './1767225600200-marketplace-schema.migration.js';

/** Every migration of the marketplace database, oldest first (TypeORM sorts them by timestamp). */
export const MARKETPLACE_MIGRATIONS: MigrationClass[] = [EventStoreSchemaMigration, MarketplaceSchema1767225600200, ProcessedEventsSchema1767225700000];
