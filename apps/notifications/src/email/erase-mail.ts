import type pg from 'pg';
import { ERASED_MEMBER_NAME, ERASED_TEXT } from '@payforward/contracts';
import { escapeHtml } from './email.templates.js';

/**
 * MemberErased, in the consumer's transaction, before the mirror forgets the name (ADR 017):
 * the member's own pending mails are dropped (never sent), their sent and failed rows keep only
 * status and times (address, subject, bodies and headers scrubbed), their digest items go, and
 * mails to others that named them say "Erased member" instead — pending ones still go out, without
 * the calendar invite that named them.
 * The address itself was sealed, and its key is gone: nothing can address them again.
 */
export async function eraseMemberMail(tx: pg.ClientBase, memberId: string): Promise<void> {
  const { rows } = await tx.query<{ display_name: string }>({
    name: 'notifications-erase-mail-name',
    text: 'SELECT display_name FROM members WHERE id = $1 AND erased_at IS NULL',
    values: [memberId],
  });
  await tx.query({
    name: 'notifications-erase-mail-pending',
    text: `DELETE FROM mail_outbox WHERE status = 'pending'
            AND id IN (SELECT outbox_id FROM mail_mentions WHERE member_id = $1 AND role = 'recipient')`,
    values: [memberId],
  });
  await tx.query({
    name: 'notifications-erase-mail-scrub',
    text: `UPDATE mail_outbox SET mail_to = jsonb_build_array($2::text), subject = $2, text_body = $2, html_body = NULL, headers = '{}'::jsonb,
                  ical_event = NULL, last_error = CASE WHEN last_error IS NULL THEN NULL ELSE $2 END
            WHERE id IN (SELECT outbox_id FROM mail_mentions WHERE member_id = $1 AND role = 'recipient')`,
    values: [memberId, ERASED_TEXT],
  });
  const name = rows[0]?.display_name;
  if (name && name !== ERASED_MEMBER_NAME) {
    await tx.query({
      name: 'notifications-erase-mail-named',
      // An invite names both parties in folded, escaped iCalendar text, where a plain replace can miss the name: it goes.
      text: `UPDATE mail_outbox SET subject = replace(subject, $2, $3), text_body = replace(text_body, $2, $3), html_body = replace(html_body, $4, $3),
                    ical_event = NULL
              WHERE id IN (SELECT outbox_id FROM mail_mentions WHERE member_id = $1 AND role = 'subject')`,
      values: [memberId, name, ERASED_MEMBER_NAME, escapeHtml(name)],
    });
  }
  await tx.query({ name: 'notifications-erase-digest-items', text: 'DELETE FROM email_digest_items WHERE recipient_id = $1', values: [memberId] });
  await tx.query({ name: 'notifications-erase-waiting-drafts', text: 'DELETE FROM email_waiting_drafts WHERE recipient_id = $1', values: [memberId] });
}
