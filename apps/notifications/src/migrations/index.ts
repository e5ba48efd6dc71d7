import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import { BlockedMembersSchema1767225700100, SessionCutoffsSchema1767225700200, type MigrationClass } from '@payforward/platform';
import { NotificationsSchema1767225600400 } from './1767225600400-notifications-schema.migration.js';
import { MailOutboxAndRecipients1767225600500 } from './1767225600500-mail-outbox-and-recipients.migration.js';
import { PreferencesAndDigests1767225600510 } from './1767225600510-preferences-and-digests.migration.js';
import { SessionsAndReminders1767225600600 } from './1767225600600-sessions-and-reminders.migration.js';
import { CalendarFeedTokens1767225600610 } from './1767225600610-calendar-feed-tokens.migration.js';
import { ReviewQueueAdmins1767225600800 } from './1767225600800-review-queue-admins.migration.js';

/** Every migration of the notifications database, oldest first (TypeORM runs them by timestamp). No event store: the service only consumes. */
export const NOTIFICATIONS_MIGRATIONS: MigrationClass[] = [
  NotificationsSchema1767225600400,
  // E-mail: the mail outbox (account mails use it too), the mirror's sealed address and time zone, preferences and digests (ADR 017).
  MailOutboxAndRecipients1767225600500,
  PreferencesAndDigests1767225600510,
  // Sessions, reminders and the calendar feed (ADR 018).
  SessionsAndReminders1767225600600,
  CalendarFeedTokens1767225600610,
  // Who is told of new flags (ADR 020).
  ReviewQueueAdmins1767225600800,
  ProcessedEventsSchema1767225700000,
  // Whose tokens the service refuses (suspended or erased members), fed by its consumer.
  BlockedMembersSchema1767225700100,
  // Whose tokens end at a password reset (ADR 019), fed by the same hook as blocked_members.
  SessionCutoffsSchema1767225700200,
];
