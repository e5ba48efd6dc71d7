import { EventStoreSchemaMigration } from '@payforward/event-store';
import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import { BlockedMembersSchema1767225700100, SessionCutoffsSchema1767225700200, type MigrationClass } from '@payforward/platform';
import { MarketplaceSchema1767225600200 } from './1767225600200-marketplace-schema.migration.js';
import { MemberErasure1767225600210 } from './1767225600210-member-erasure.migration.js';

/** Every migration of the marketplace database, oldest first (TypeORM sorts them by timestamp). */
export const MARKETPLACE_MIGRATIONS: MigrationClass[] = [
  EventStoreSchemaMigration,
  MarketplaceSchema1767225600200,
  MemberErasure1767225600210,
  ProcessedEventsSchema1767225700000,
  // Whose tokens the marketplace refuses (suspended members), fed by its identity consumer.
  BlockedMembersSchema1767225700100,
  // Whose tokens end at a password reset (ADR 019), fed by the same hook as blocked_members.
  SessionCutoffsSchema1767225700200,
];
