import { EventStoreSchemaMigration } from '@payforward/event-store';
import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import type { MigrationClass } from '@payforward/platform';
import { IdentitySchema1767225600100 } from './1767225600100-identity-schema.migration.js';
import { ContactGrants1767225600110 } from './1767225600110-contact-grants.migration.js';

/** Every migration of the identity database, oldest first (TypeORM sorts them by timestamp). */
export const IDENTITY_MIGRATIONS: MigrationClass[] = [
  EventStoreSchemaMigration,
  IdentitySchema1767225600100,
  ContactGrants1767225600110,
  // The consumer side's idempotency record, for the contact-grants consumer.
  ProcessedEventsSchema1767225700000,
];
