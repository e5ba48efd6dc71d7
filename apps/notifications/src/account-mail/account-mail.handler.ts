import type pg from 'pg';
import { emailAddress, IdentityEventTypes, isSealedValue, type EmailVerificationRequestedData, type EventEnvelope } from '@payforward/contracts';
import { enqueueMail } from '@payforward/mail';
import { accountLink, renderAccountMail, type AccountMailKind } from './account-mail.templates.js';

const KIND_OF: Readonly<Record<string, AccountMailKind>> = {
  [IdentityEventTypes.EmailVerificationRequested]: 'VERIFY_EMAIL',
  [IdentityEventTypes.PasswordResetRequested]: 'RESET_PASSWORD',
};

/** Where member-facing links point (seams §4) and who mails come from; read per call so specs can set them. */
const webUrl = (): string => process.env.PUBLIC_WEB_URL || 'http://localhost:4200';
const mailFrom = (): string => process.env.MAIL_FROM || 'Payforward <noreply@payforward.dev>';

/** One mail per (event, member, channel): a redelivered event enqueues nothing more. */
export const accountMailDedupeKey = (eventId: string, memberId: string): string => `${eventId}:${memberId}:email`;

/**
 * Identity's account events (opened by the consumer) → the verification or reset mail in the
 * mail outbox, in the consumer's transaction (ADR 019). An address or token that did not open
 * (the member was erased before the event was consumed) sends nothing. On MemberErased the
 * member's mails already in the outbox lose their address and text, and unsent ones are dropped.
 */
export async function handleAccountMail(envelope: EventEnvelope, tx: pg.ClientBase): Promise<void> {
  if (envelope.type === IdentityEventTypes.MemberErased) {
    await scrubAccountMails(tx, (envelope.data as { memberId: string }).memberId);
    return;
  }
  const kind = KIND_OF[envelope.type];
  if (!kind) return;
  const { memberId, email, token } = envelope.data as EmailVerificationRequestedData;
  if (isSealedValue(email) || isSealedValue(token) || !emailAddress.safeParse(email).success) return;
  const mail = renderAccountMail(kind, accountLink(kind, webUrl(), token));
  await enqueueMail(tx, { dedupeKey: accountMailDedupeKey(envelope.id, memberId), from: mailFrom(), to: email, ...mail });
}

async function scrubAccountMails(tx: pg.ClientBase, memberId: string): Promise<void> {
  await tx.query({
    name: 'notifications-account-mail-scrub',
    text: `UPDATE mail_outbox
              SET mail_to = '["erased@erased.invalid"]'::jsonb, subject = '[erased]', text_body = '[erased]', html_body = NULL, headers = '{}'::jsonb,
                  status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
                  last_error = CASE WHEN status = 'pending' THEN 'member erased before sending' ELSE last_error END
            WHERE dedupe_key LIKE '%:' || $1 || ':email'`,
    values: [memberId],
  });
}
