import type pg from 'pg';
import { openValue } from '@payforward/crypto-shredding';
import { enqueueMail } from '@payforward/mail';
import { displayNameOf, recipientFor } from '../members/members.read-model.js';
import { emailSettingFor } from '../preferences/preferences.policy.js';
import { storedPreferencesFor } from '../preferences/preferences.read-model.js';
import { quietHoursRelease } from '../preferences/quiet-hours.policy.js';
import { signUnsubscribeToken } from '../unsubscribe/unsubscribe.token.js';
import type { EmailDraft } from './email-draft.js';
import type { EmailSettings } from './email.settings.js';
import { layoutMail, templateText } from './email.templates.js';
import { safeZone } from './zoned-time.js';

export type { EmailDraft } from './email-draft.js';

/** What deliverEmail needs besides the transaction; the service configures it once (EmailDelivery). */
export interface EmailDeps {
  settings: EmailSettings;
  /** Opens a member's sealed address: their data key, or null once erased (PersonalDataCodec's keys). */
  keys: { forReading(memberIds: Iterable<string>): Promise<Map<string, Buffer | null>> };
  now: () => Date;
  log?: (fields: Record<string, unknown>, message: string) => void;
}

let configured: EmailDeps | null = null;

/** Set by the service at start (and by specs); deliverEmail uses it when no deps are passed. */
export function configureEmailDelivery(deps: EmailDeps | null): void {
  configured = deps;
}

export type DeliveryOutcome = 'enqueued' | 'duplicate' | 'digest' | 'off' | 'no-address' | 'waiting';

/** How long a draft waits for a member identity's topic has not brought yet before it is written without them. */
export const WAITING_GRACE_MS = 120_000;

export const emailDedupeKey = (draft: Pick<EmailDraft, 'sourceEventId' | 'recipientId'>): string => `${draft.sourceEventId}:${draft.recipientId}:email`;

/** Where the mail's links point: web client paths under PUBLIC_WEB_URL, unsubscribe under PUBLIC_API_URL. */
export async function linksFor(settings: EmailSettings, recipientId: string, category: EmailDraft['category'], path: string | null) {
  const token = await signUnsubscribeToken(settings.unsubscribeKey, recipientId, category);
  return {
    link: path ? `${settings.webUrl}${path}` : null,
    unsubscribeUrl: `${settings.apiUrl}/unsubscribe?token=${token}`,
    settingsUrl: `${settings.webUrl}/settings/notifications`,
  };
}

/** The recipient's address, opened for this one mail; null when there is none or the key is gone (erased). */
export async function openAddress(keys: EmailDeps['keys'], memberId: string, sealed: string | null): Promise<string | null> {
  if (!sealed) return null;
  const key = (await keys.forReading([memberId])).get(memberId.toLowerCase()) ?? null;
  if (!key) return null;
  try {
    return openValue(key, sealed);
  } catch {
    return null;
  }
}

/** Records whom an outbox row names, so erasure finds it (mail_mentions). */
export async function recordMentions(tx: pg.ClientBase, outboxId: string, recipientId: string, subjectIds: (string | null)[]): Promise<void> {
  await tx.query({
    name: 'notifications-mail-mentions',
    text: `INSERT INTO mail_mentions (outbox_id, member_id, role)
           SELECT $1, r.member_id, r.role FROM unnest($2::uuid[], $3::text[]) AS r(member_id, role)
           ON CONFLICT DO NOTHING`,
    values: [outboxId, [recipientId, ...subjectIds.filter((s): s is string => !!s)], ['recipient', ...subjectIds.filter((s) => !!s).map(() => 'subject')]],
  });
}

/**
 * Sends one notification by e-mail, in the caller's transaction (seams §3): applies the
 * recipient's preference for the category (OFF: nothing; DIGEST: waits for the daily digest;
 * INSTANT: now), holds it until their quiet hours end, writes it in their time zone with text
 * and HTML parts and the RFC 8058 one-click unsubscribe headers, and enqueues it in the mail
 * outbox under `<sourceEventId>:<recipientId>:email`, so a redelivered event writes nothing new.
 * An invite (icalEvent) never waits for a digest. No address, or an erased member: no mail.
 */
export async function deliverEmail(tx: pg.ClientBase, draft: EmailDraft, deps: EmailDeps | null = configured, options: { stale?: boolean } = {}): Promise<DeliveryOutcome> {
  if (!deps) throw new Error('deliverEmail: configureEmailDelivery was not called');
  const recipient = await recipientFor(tx, draft.recipientId);
  // Identity's topic is consumed beside the others: a member may be heard of before they are known.
  if (!recipient) return options.stale ? 'no-address' : waitFor(tx, draft, draft.recipientId);
  if (recipient.erased || !recipient.sealedEmail) return 'no-address';
  const preferences = await storedPreferencesFor(tx, draft.recipientId);
  const setting = emailSettingFor(preferences, draft.category);
  if (setting === 'OFF') return 'off';
  if (setting === 'DIGEST' && !draft.icalEvent) {
    const { rowCount } = await tx.query({
      name: 'notifications-digest-item',
      text: `INSERT INTO email_digest_items (id, recipient_id, category, kind, subject_id, vars, link, created_at)
             VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) ON CONFLICT (id) DO NOTHING`,
      values: [emailDedupeKey(draft), draft.recipientId, draft.category, draft.kind, draft.subjectId, JSON.stringify(draft.vars), draft.link, deps.now()],
    });
    return rowCount ? 'digest' : 'duplicate';
  }
  const address = await openAddress(deps.keys, recipient.memberId, recipient.sealedEmail);
  if (!address) {
    deps.log?.({ recipientId: draft.recipientId, sourceEventId: draft.sourceEventId }, 'no e-mail sent: the address cannot be opened');
    return 'no-address';
  }
  const timezone = safeZone(recipient.timezone);
  const known = await displayNameOf(tx, draft.subjectId);
  if (draft.subjectId && known === null && !options.stale) return waitFor(tx, draft, draft.subjectId);
  const name = known ?? 'A member';
  const links = await linksFor(deps.settings, draft.recipientId, draft.category, draft.link);
  const mail = layoutMail(templateText(draft.kind, { name, vars: draft.vars, timezone }), { recipientName: recipient.displayName, category: draft.category, ...links });
  const notBefore = quietHoursRelease(deps.now(), timezone, preferences.quietHours);
  const result = await enqueueMail(tx, {
    dedupeKey: emailDedupeKey(draft),
    from: deps.settings.from,
    to: address,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: {
      'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Payforward-Category': draft.category,
    },
    ...(draft.icalEvent ? { icalEvent: draft.icalEvent } : {}),
    ...(notBefore ? { notBefore } : {}),
  });
  if (!result.enqueued) return 'duplicate';
  await recordMentions(tx, result.id, draft.recipientId, [draft.subjectId]);
  return 'enqueued';
}

/** Parks an instant mail until `memberId` is known here (releaseWaitingDrafts) or the grace period ends (releaseStaleDrafts). */
async function waitFor(tx: pg.ClientBase, draft: EmailDraft, memberId: string): Promise<DeliveryOutcome> {
  await tx.query({
    name: 'notifications-email-wait',
    text: `INSERT INTO email_waiting_drafts (dedupe_key, waiting_for, recipient_id, draft) VALUES ($1, $2, $3, $4::jsonb)
           ON CONFLICT (dedupe_key) DO UPDATE SET waiting_for = EXCLUDED.waiting_for`,
    values: [emailDedupeKey(draft), memberId, draft.recipientId, JSON.stringify(draft)],
  });
  return 'waiting';
}

/** `memberId` is now known (registered, or erased): the mails that waited for them are written, in the caller's transaction. */
export async function releaseWaitingDrafts(tx: pg.ClientBase, memberId: string, deps: EmailDeps | null = configured): Promise<number> {
  const { rows } = await tx.query<{ draft: EmailDraft }>({
    name: 'notifications-email-release',
    text: 'DELETE FROM email_waiting_drafts WHERE waiting_for = $1 RETURNING draft',
    values: [memberId],
  });
  for (const { draft } of rows) await deliverEmail(tx, draft, deps);
  return rows.length;
}

/** Drafts that waited longer than the grace period: written now, naming an unknown party "A member" (no recipient, no mail). */
export async function releaseStaleDrafts(pool: pg.Pool, deps: EmailDeps, graceMs = WAITING_GRACE_MS): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ draft: EmailDraft }>({
      name: 'notifications-email-stale',
      text: `DELETE FROM email_waiting_drafts WHERE dedupe_key IN (
               SELECT dedupe_key FROM email_waiting_drafts WHERE created_at < $1 FOR UPDATE SKIP LOCKED LIMIT 500) RETURNING draft`,
      values: [new Date(Date.now() - graceMs)],
    });
    for (const { draft } of rows) await deliverEmail(client, draft, deps, { stale: true });
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
