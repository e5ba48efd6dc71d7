import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { enqueueMail } from '@payforward/mail';
import { LOGGER, PG_POOL } from '@payforward/platform';
import { linksFor, openAddress, recordMentions, releaseStaleDrafts, type EmailDeps } from '../email/deliver-email.js';
import { EmailDelivery } from '../email/email-delivery.provider.js';
import { layoutMail } from '../email/email.templates.js';
import { safeZone } from '../email/zoned-time.js';
import { displayNameOf, recipientFor } from '../members/members.read-model.js';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications.settings.js';
import { emailSettingFor } from '../preferences/preferences.policy.js';
import { storedPreferencesFor } from '../preferences/preferences.read-model.js';
import { quietHoursRelease } from '../preferences/quiet-hours.policy.js';
import type { NotificationCategory } from '../rules/notification.rules.js';
import { digestDue, groupDigest } from './digest.grouping.js';

interface ItemRow {
  id: string;
  category: NotificationCategory;
  kind: string;
  subject_id: string | null;
  vars: Record<string, string>;
  created_at: Date;
}

export const digestDedupeKey = (memberId: string, localDate: string): string => `digest:${memberId}:${localDate}`;

/**
 * One member's digest at `now`, in one transaction: when their local clock passed `hour`, the
 * waiting items (categories still set to DIGEST) become one mail keyed digest:<member>:<local
 * date> — a second run that day finds the key taken and leaves new items for tomorrow. Items are
 * claimed with SKIP LOCKED, so two instances never put one item in two digests.
 */
async function digestFor(tx: pg.ClientBase, memberId: string, now: Date, hour: number, deps: EmailDeps): Promise<boolean> {
  const recipient = await recipientFor(tx, memberId);
  if (!recipient || recipient.erased) return false;
  const timezone = safeZone(recipient.timezone);
  const { due, localDate } = digestDue(now, timezone, hour);
  if (!due) return false;
  const { rows } = await tx.query<ItemRow>({
    name: 'notifications-digest-claim',
    text: `SELECT id, category, kind, subject_id, vars, created_at FROM email_digest_items
            WHERE recipient_id = $1 AND digest_key IS NULL ORDER BY created_at FOR UPDATE SKIP LOCKED`,
    values: [memberId],
  });
  if (rows.length === 0) return false;
  const preferences = await storedPreferencesFor(tx, memberId);
  // Switched to OFF since: those lines are dropped; INSTANT since: they were already decided, they stay.
  const wanted = rows.filter((r) => emailSettingFor(preferences, r.category) !== 'OFF');
  const key = digestDedupeKey(memberId, localDate);
  const address = await openAddress(deps.keys, memberId, recipient.sealedEmail);
  const items = await Promise.all(
    wanted.map(async (r) => ({ category: r.category, kind: r.kind, vars: r.vars, createdAt: r.created_at, subjectName: (await displayNameOf(tx, r.subject_id)) ?? 'A member' })),
  );
  const digest = groupDigest(items, timezone);
  if (digest && address) {
    const links = await linksFor(deps.settings, memberId, digest.mainCategory, '/');
    const mail = layoutMail({ ...digest, action: 'Open Payforward' }, { recipientName: recipient.displayName, category: digest.mainCategory, ...links });
    const notBefore = quietHoursRelease(now, timezone, preferences.quietHours);
    const result = await enqueueMail(tx, {
      dedupeKey: key,
      from: deps.settings.from,
      to: address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'List-Unsubscribe': `<${links.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Payforward-Category': 'DIGEST' },
      ...(notBefore ? { notBefore } : {}),
    });
    // Today's digest went already: these items wait for tomorrow's.
    if (!result.enqueued) return false;
    await recordMentions(tx, result.id, memberId, wanted.map((r) => r.subject_id));
  }
  await tx.query({ name: 'notifications-digest-mark', text: 'UPDATE email_digest_items SET digest_key = $2 WHERE id = ANY($1::text[])', values: [rows.map((r) => r.id), key] });
  return digest !== null && address !== null;
}

/** Every member with waiting items whose digest is due at `now`; returns how many digests were enqueued. */
export async function runDigests(pool: pg.Pool, deps: EmailDeps, now: Date, hour: number): Promise<number> {
  const { rows } = await pool.query<{ recipient_id: string }>('SELECT DISTINCT recipient_id FROM email_digest_items WHERE digest_key IS NULL');
  let sent = 0;
  for (const { recipient_id: memberId } of rows) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (await digestFor(client, memberId, now, hour, deps)) sent += 1;
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return sent;
}

/** Runs runDigests every `digest.intervalMs` on the service's clock (injectable: specs move it). */
@Injectable()
export class DigestJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly email: EmailDelivery,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.digest.run) return;
    this.timer = setInterval(() => void this.tick(), this.settings.digest.intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass now (the interval's work; specs call it with a moved clock). */
  async runOnce(): Promise<number> {
    // Mails that waited too long for a member identity has not brought: written now (deliver-email.ts).
    const stale = await releaseStaleDrafts(this.pool, this.email.deps);
    const sent = await runDigests(this.pool, this.email.deps, this.settings.now(), this.settings.digest.hour);
    if (sent + stale > 0) this.email.wake();
    return sent;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, 'digest job failed; next pass retries'))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
