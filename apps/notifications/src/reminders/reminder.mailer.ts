import type pg from 'pg';
import type { EmailDraft } from '../email/email-draft.js';

/**
 * The e-mail side of a fired reminder, in the scheduler's transaction. The service's mailer
 * (email/reminder-email.mailer.ts) turns it into an `EmailDraft` for `deliverEmail`, which applies
 * preferences, quiet hours and digests and enqueues it under `<reminder id>:<recipient>:email`;
 * specs may pass a recording mailer instead. Its kinds are `reminder.expiry-48h`,
 * `reminder.session-24h` and `reminder.session-1h`; `vars.at` is the moment announced (ISO, UTC),
 * `vars.helpKind` the kind of help; the source id is the reminder's id.
 */
export type ReminderEmailDraft = Omit<EmailDraft, 'icalEvent'>;

export interface ReminderMailer {
  send(tx: pg.ClientBase, draft: ReminderEmailDraft): Promise<void>;
}

export const REMINDER_MAILER = Symbol('REMINDER_MAILER');
