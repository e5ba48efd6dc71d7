import { EventStoreSchemaMigration } from '@payforward/event-store';
import type { MigrationClass } from '@payforward/platform';
import { IdentitySchema1767225600100 } from './1767225600100-identity-schema.migration.js';

/** Every migration of the identity database, oldest first. */
export const IDENTITY_MIGRATIONS: MigrationClass[] = [EventStoreSchemaMigration, IdentitySchema1767225600100];
