import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { MailSender, mailOutboxCounts, mailRetryPolicyFromEnv } from '@payforward/mail';
import { LOGGER, PersonalDataCodec, PG_POOL } from '@payforward/platform';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications.settings.js';
import { configureEmailDelivery, type EmailDeps } from './deliver-email.js';

/**
 * E-mail inside the notifications service: the deps deliverEmail writes mails with (settings,
 * the members' data keys, the clock), and the MailSender that hands the outbox to SMTP_URL —
 * started once the app is up, stopped (the mail in hand finished) before the pool closes.
 */
@Injectable()
export class EmailDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly deps: EmailDeps;
  private readonly sender: MailSender | null;
  private countsTimer?: NodeJS.Timeout;

  constructor(
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(LOGGER) private readonly logger: Logger,
    personalData: PersonalDataCodec,
  ) {
    this.deps = {
      settings: settings.email,
      keys: personalData.keys,
      now: settings.now,
      log: (fields, message) => logger.warn(fields, message),
    };
    configureEmailDelivery(this.deps);
    this.sender = settings.mail.send
      ? new MailSender(pool, {
          smtpUrl: settings.mail.smtpUrl,
          pollIntervalMs: settings.mail.pollIntervalMs,
          retry: mailRetryPolicyFromEnv(process.env),
          logger,
        })
      : null;
  }

  onApplicationBootstrap(): void {
    this.sender?.start();
    // Failed (5xx) mails stay in the outbox for an admin; the count is logged while any exist.
    if (this.sender) this.countsTimer = setInterval(() => void this.reportCounts(), 60_000).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.countsTimer);
    await this.sender?.stop();
  }

  /** Looks for due mail now (after a commit that enqueued some). */
  wake(): void {
    this.sender?.wake();
  }

  private async reportCounts(): Promise<void> {
    const counts = await mailOutboxCounts(this.pool).catch(() => null);
    if (counts && (counts.failed > 0 || counts.retrying > 0)) this.logger.warn({ mailOutbox: counts }, 'mail outbox: failed or retrying mails');
  }
}
