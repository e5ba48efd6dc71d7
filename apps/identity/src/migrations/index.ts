import { EventStoreSchemaMigration } from '@payforward/event-store';
import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import { BlockedMembersSchema1767225700100, SessionCutoffsSchema1767225700200, type MigrationClass } from '@payforward/platform';
import { IdentitySchema1767225600100 } from './1767225600100-identity-schema.migration.js';
import { ContactGrants1767225600110 } from './1767225600110-contact-grants.migration.js';
import { MemberErasure1767225600150 } from './1767225600150-member-erasure.migration.js';
import { AccountEmails1767225600160 } from './1767225600160-account-emails.migration.js';

/** Every migration of the identity database, oldest first (TypeORM sorts them by timestamp). */
export const IDENTITY_MIGRATIONS: MigrationClass[] = [
  EventStoreSchemaMigration,
  IdentitySchema1767225600100,
  ContactGrants1767225600110,
  MemberErasure1767225600150,
  AccountEmails1767225600160,
  // The consumer side's idempotency record, for the contact-grants consumer.
  ProcessedEventsSchema1767225700000,
  // Whose tokens identity refuses, written by suspend/reinstate in the command's transaction.
  BlockedMembersSchema1767225700100,
  // Whose tokens end at a password reset (ADR 019), fed by the same hook as blocked_members.
  SessionCutoffsSchema1767225700200,
];
