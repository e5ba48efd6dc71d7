import { randomUUID } from 'node:crypto';
import type { EnqueueResult, MailOutboxCounts, OutgoingMail, Queryable } from './mail.types.js';
import { outboxMessageId, validateMail } from './mail.validation.js';

/**
 * Writes one mail into the outbox. Pass the client of the caller's open transaction: the mail
 * then exists exactly when the state change that asked for it commits. A second call with the
 * same dedupe key (a redelivered event) writes nothing and returns the first row's ids.
 */
export async function enqueueMail(tx: Queryable, mail: OutgoingMail): Promise<EnqueueResult> {
  const { to } = validateMail(mail);
  const id = randomUUID();
  const messageId = outboxMessageId(id, mail.from);
  const inserted = await tx.query<{ id: string; message_id: string }>(
    `INSERT INTO mail_outbox (id, dedupe_key, message_id, mail_from, mail_to, subject, text_body, html_body, headers, ical_event, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9::jsonb, $10::jsonb, COALESCE($11::timestamptz, now()))
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, message_id`,
    [id, mail.dedupeKey, messageId, mail.from, JSON.stringify(to), mail.subject, mail.text ?? null, mail.html ?? null, JSON.stringify(mail.headers ?? {}),
     mail.icalEvent ? JSON.stringify(mail.icalEvent) : null, mail.notBefore ?? null],
  );
  if (inserted.rows[0]) return { id, messageId, enqueued: true };
  // ON CONFLICT waited for a concurrent writer of the key to commit, so the row is visible now.
  const existing = await tx.query<{ id: string; message_id: string }>('SELECT id, message_id FROM mail_outbox WHERE dedupe_key = $1', [mail.dedupeKey]);
  const row = existing.rows[0];
  if (!row) throw new Error(`mail_outbox: dedupe key ${mail.dedupeKey} conflicted but no row is visible`);
  return { id: row.id, messageId: row.message_id, enqueued: false };
}

/** Rows by status, for an admin page or a metrics gauge. */
export async function mailOutboxCounts(db: Queryable): Promise<MailOutboxCounts> {
  const { rows } = await db.query<{ status: string; n: string; retrying: string }>(
    `SELECT status, count(*) AS n, count(*) FILTER (WHERE attempts > 0) AS retrying FROM mail_outbox GROUP BY status`,
  );
  const counts: MailOutboxCounts = { pending: 0, sent: 0, failed: 0, retrying: 0 };
  for (const row of rows) {
    if (row.status === 'pending' || row.status === 'sent' || row.status === 'failed') counts[row.status] = Number(row.n);
    if (row.status === 'pending') counts.retrying = Number(row.retrying);
  }
  return counts;
}
