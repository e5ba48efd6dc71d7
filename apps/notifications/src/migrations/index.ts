import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import { BlockedMembersSchema1767225700100, type MigrationClass } from '@payforward/platform';
import { NotificationsSchema1767225600400 } from './1767225600400-notifications-schema.migration.js';
import { ReviewQueueAdmins1767225600800 } from './1767225600800-review-queue-admins.migration.js';
import { MailOutboxAndRecipients1767225600500 } from './1767225600500-mail-outbox-and-recipients.migration.js';
import { PreferencesAndDigests1767225600510 } from './1767225600510-preferences-and-digests.migration.js';

/** Every migration of the notifications database, oldest first. No event store: the service only consumes. */
export const NOTIFICATIONS_MIGRATIONS: MigrationClass[] = [
  NotificationsSchema1767225600400,
  ProcessedEventsSchema1767225700000,
  // Whose tokens the service refuses (suspended or erased members), fed by its consumer.
  BlockedMembersSchema1767225700100,
  ReviewQueueAdmins1767225600800,
  // E-mail: the mail outbox, the mirror's sealed address and time zone, preferences and digests (ADR 017).
  MailOutboxAndRecipients1767225600500,
  PreferencesAndDigests1767225600510,
];
