import { ProcessedEventsSchema1767225700000 } from '@payforward/messaging';
import { BlockedMembersSchema1767225700100, SessionCutoffsSchema1767225700200, type MigrationClass } from '@payforward/platform';
import { NotificationsSchema1767225600400 } from './1767225600400-notifications-schema.migration.js';
import { ReviewQueueAdmins1767225600800 } from './1767225600800-review-queue-admins.migration.js';
import { AccountMailOutbox1767225600700 } from './1767225600700-account-mail-outbox.migration.js';
import { SessionsAndReminders1767225600600 } from './1767225600600-sessions-and-reminders.migration.js';
import { CalendarFeedTokens1767225600610 } from './1767225600610-calendar-feed-tokens.migration.js';

/** Every migration of the notifications database, oldest first. No event store: the service only consumes. */
export const NOTIFICATIONS_MIGRATIONS: MigrationClass[] = [
  NotificationsSchema1767225600400,
  // The mail outbox the account mails go through (if the e-mail channel's migration has not made it).
  AccountMailOutbox1767225600700,
  ProcessedEventsSchema1767225700000,
  // Whose tokens the service refuses (suspended or erased members), fed by its consumer.
  BlockedMembersSchema1767225700100,
  ReviewQueueAdmins1767225600800,
  // Whose tokens end at a password reset (ADR 019), fed by the same hook as blocked_members.
  SessionCutoffsSchema1767225700200,
  SessionsAndReminders1767225600600,
  CalendarFeedTokens1767225600610,
];
