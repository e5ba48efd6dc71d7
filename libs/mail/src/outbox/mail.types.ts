import type pg from 'pg';

/** A pool or a client inside the caller's transaction: anything that runs a query. */
export type Queryable = pg.Pool | pg.ClientBase;

export type MailStatus = 'pending' | 'sent' | 'failed';

/** What a caller asks to be sent. Texts are built by the caller: this library has no templates. */
export interface OutgoingMail {
  /** Unique per mail meant; enqueueing the same key again is a no-op (see mailDedupeKey). */
  dedupeKey: string;
  from: string;
  to: string | string[];
  subject: string;
  text?: string;
  html?: string;
  /** Extra headers (e.g. List-Unsubscribe); Message-ID is set by the outbox and cannot be given. */
  headers?: Record<string, string>;
  /** An iCalendar part (RFC 5545/6047), stored with the row and handed to nodemailer's `icalEvent`. */
  icalEvent?: MailIcalEvent;
  /** Not sent before this instant (e.g. the end of the recipient's quiet hours); default: at once. */
  notBefore?: Date;
}

export interface MailIcalEvent {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

export interface EnqueueResult {
  id: string;
  messageId: string;
  /** False when a mail with the same dedupe key was already in the outbox (nothing written). */
  enqueued: boolean;
}

export interface MailOutboxCounts {
  pending: number;
  sent: number;
  failed: number;
  /** Pending rows that failed at least once: SMTP trouble shows here first. */
  retrying: number;
}
