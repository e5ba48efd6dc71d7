import { EventStoreSchemaMigration } from '@payforward/event-store';
import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import { BlockedMembersSchema1767225700100, SessionCutoffsSchema1767225700200, type MigrationClass } from '@payforward/platform';
import { ReputationSchema1767225600300 } from './1767225600300-reputation-schema.migration.js';
import { ReputationProjection1767225600310 } from './1767225600310-reputation-projection.migration.js';

/**
 * Every migration of the reputation database, oldest first (TypeORM sorts them by timestamp).
 * The event store holds the service's own stream: admin review decisions (`reputation-admin`).
 */
export const REPUTATION_MIGRATIONS: MigrationClass[] = [
  EventStoreSchemaMigration,
  ReputationSchema1767225600300,
  ReputationProjection1767225600310,
  ProcessedEventsSchema1767225700000,
  // Whose tokens reputation refuses (suspended members), fed by its consumer from identity's topic.
  BlockedMembersSchema1767225700100,
  // Whose tokens end at a password reset (ADR 019), fed by the same hook as blocked_members.
  SessionCutoffsSchema1767225700200,
];
