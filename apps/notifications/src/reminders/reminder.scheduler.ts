import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { LOGGER, PG_POOL } from '@payforward/platform';
import { NOTIFICATIONS_CLOCK, type Clock } from '../notifications.clock.js';
import { storeNotifications } from '../inbox/notifications.read-model.js';
import { zoneOf } from '../sessions/sessions.read-model.js';
import { REMINDER_MAILER, type ReminderMailer } from './reminder.mailer.js';
import { reminderNotification, REMINDER_CATEGORY, stillTimely, type ReminderKind } from './reminder.rules.js';
import { claimDueReminder, finishReminder, type DueReminder } from './reminders.read-model.js';

export const REMINDER_SETTINGS = Symbol('REMINDER_SETTINGS');

export interface ReminderSettings {
  /** How often due reminders are looked for (REMINDER_SCAN_INTERVAL_MS, default 30 s); 0 = only on runOnce(). */
  scanIntervalMs: number;
}

export interface ScanResult {
  sent: number;
  /** Due but no longer timely (the scheduler was down past the moment): dropped. */
  dropped: number;
  failed: number;
}

const TEMPLATE_KEY: Record<ReminderKind, string> = {
  EXPIRY_48H: 'reminder.expiry-48h',
  SESSION_24H: 'reminder.session-24h',
  SESSION_1H: 'reminder.session-1h',
};

/**
 * Fires due reminders, like the marketplace's expiry scan: durable due times only (nothing in
 * memory, so a restart merely delays), the injected clock's "now", and one transaction per
 * reminder that claims it with FOR UPDATE SKIP LOCKED, stores the in-app notification (keyed by
 * the reminder's id), hands the e-mail draft to the mailer and marks it sent. Two schedulers, or
 * two ticks, never fire one reminder twice; a crash rolls the whole reminder back.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<ScanResult>;
  private stopped = false;

  constructor(
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(NOTIFICATIONS_CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_MAILER) private readonly mailer: ReminderMailer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    if (this.settings.scanIntervalMs > 0) this.schedule();
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One scan: fires every reminder due by the clock's now. Overlapping calls share one scan. */
  runOnce(): Promise<ScanResult> {
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      try {
        const result = await this.runOnce();
        if (result.sent + result.dropped > 0) this.logger.info(result, 'fired due reminders');
      } catch (error) {
        this.logger.warn({ err: error }, 'reminder scan failed; retrying at the next interval');
      }
      if (!this.stopped) this.schedule();
    }, this.settings.scanIntervalMs);
    this.timer.unref();
  }

  private async scan(): Promise<ScanResult> {
    const now = this.clock.now();
    const result: ScanResult = { sent: 0, dropped: 0, failed: 0 };
    const failed: string[] = [];
    while (!this.stopped) {
      const client = await this.pool.connect();
      let claimed: DueReminder | null = null;
      try {
        await client.query('BEGIN');
        claimed = await claimDueReminder(client, now, failed);
        if (!claimed) {
          await client.query('COMMIT');
          break;
        }
        const outcome = await this.fire(client, claimed, now);
        await client.query('COMMIT');
        result[outcome]++;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!claimed) throw error;
        failed.push(claimed.id);
        result.failed++;
        this.logger.warn({ err: error, reminderId: claimed.id }, 'could not fire a reminder; the next scan retries');
      } finally {
        client.release();
      }
    }
    return result;
  }

  private async fire(tx: pg.ClientBase, reminder: DueReminder, now: Date): Promise<'sent' | 'dropped'> {
    if (!stillTimely(reminder.eventAt, now)) {
      await finishReminder(tx, reminder.id, 'cancelled', now);
      return 'dropped';
    }
    const draft = reminderNotification(reminder, await zoneOf(tx, reminder.recipientId));
    await storeNotifications(tx, reminder.id, [draft], now.toISOString());
    await this.mailer.send(tx, {
      recipientId: reminder.recipientId,
      category: REMINDER_CATEGORY[reminder.kind],
      sourceEventId: reminder.id,
      kind: TEMPLATE_KEY[reminder.kind],
      subjectId: reminder.subjectId,
      vars: { at: reminder.eventAt.toISOString(), helpKind: reminder.helpKind },
      link: draft.link,
    });
    await finishReminder(tx, reminder.id, 'sent', now);
    return 'sent';
  }
}
