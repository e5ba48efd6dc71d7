import type pg from 'pg';
import type { NotificationCategory } from '../rules/notification.rules.js';

/**
 * The e-mail side of a fired reminder, in the scheduler's transaction. Its draft has the shape
 * of the mail slice's `EmailDraft` (seams §3: `deliverEmail(tx, draft)` applies preferences,
 * quiet hours and digests, renders in the recipient's zone and enqueues through the outbox with
 * dedupe key `<sourceEventId>:<recipientId>:email`), so wiring it is one provider:
 * `{ provide: REMINDER_MAILER, useValue: { send: deliverEmail } }`.
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

/**
 * Until the e-mail channel is merged this service holds no member addresses (the mirror has
 * names only), so a reminder is in-app only: this mailer sends nothing.
 */
export const inAppOnlyMailer: ReminderMailer = { send: async () => undefined };
