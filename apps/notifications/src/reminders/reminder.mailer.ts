import type pg from 'pg';
import type { NotificationCategory } from '../rules/notification.rules.js';

/**
 * The e-mail side of a fired reminder, in the scheduler's transaction. The service's mailer
 * (email/reminder-email.mailer.ts) turns it into an `EmailDraft` for `deliverEmail`, which applies
 * preferences, quiet hours and digests and enqueues it under `<reminder id>:<recipient>:email`;
 * specs may pass a recording mailer instead.
 */
export interface ReminderEmailDraft {
  recipientId: string;
  category: NotificationCategory;
  /** The reminder's id: deterministic per (request, kind, recipient, due time). */
  sourceEventId: string;
  /** Template key: `reminder.expiry-48h`, `reminder.session-24h`, `reminder.session-1h`. */
  kind: string;
  /** The other party (named at render time from the member mirror). */
  subjectId: string | null;
  /** `at`: the moment announced (ISO, UTC; rendered in the recipient's zone); `helpKind`. */
  vars: Record<string, string>;
  link: string | null;
}

export interface ReminderMailer {
  send(tx: pg.ClientBase, draft: ReminderEmailDraft): Promise<void>;
}

export const REMINDER_MAILER = Symbol('REMINDER_MAILER');
