import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { TOPICS } from '@payforward/contracts';
import {
  apiErrorFilterProvider,
  JwtTokens,
  LOGGER,
  subgraphServiceImports,
  subscriptionOnConnect,
  type JwtConfig,
  type ServiceConfig,
} from '@payforward/platform';
import { DigestJob } from './digest/digest.job.js';
import { EmailDelivery } from './email/email-delivery.provider.js';
import { FailedMailsResolver } from './email/failed-mails/failed-mails.resolver.js';
import { emailSettingsFromEnv, type EmailSettings } from './email/email.settings.js';
import { INBOX_DATABASE } from './inbox/inbox.notifier.js';
import { INBOX_PROVIDERS } from './inbox/inbox.providers.js';
import { CALENDAR_FEED_SETTINGS } from './calendar/calendar-feed.settings.js';
import { CALENDAR_PROVIDERS, CalendarFeedController } from './calendar/calendar.providers.js';
import { NOTIFICATIONS_CLOCK, systemClock, type Clock } from './notifications.clock.js';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings.js';
import { REMINDER_MAILER, type ReminderMailer } from './reminders/reminder.mailer.js';
import { reminderEmailMailer } from './email/reminder-email.mailer.js';
import { REMINDER_SETTINGS, ReminderScheduler } from './reminders/reminder.scheduler.js';
import { feedSecretFrom } from './calendar/feed-tokens.read-model.js';
import { PreferencesResolver } from './preferences/preferences.resolver.js';
import { UnsubscribeRoutes } from './unsubscribe/unsubscribe.routes.js';

export interface NotificationsModuleOptions {
  config: ServiceConfig;
  jwt: JwtConfig;
  logger: Logger;
  groupId?: string;
  /** Consumed topics (default: the contracts' registry); specs pass unique ones. */
  topics?: Partial<NotificationsSettings['topics']>;
  /** Run the consumer (default true). */
  consume?: boolean;
  /** The time source of the consumer's reminder plans and of the reminder scan (specs pass a ManualClock). */
  clock?: Clock;
  /** REMINDER_SCAN_INTERVAL_MS (default 30 s); 0 = scan only on ReminderScheduler.runOnce(). */
  reminderScanIntervalMs?: number;
  /** Where a fired reminder's e-mail goes (default: deliverEmail, like every trigger). */
  reminderMailer?: ReminderMailer;
  /** PUBLIC_API_URL: the base of calendar feed URLs (default http://localhost:4000, the gateway). */
  publicApiUrl?: string;
  /** CALENDAR_FEED_SECRET (default: derived from the JWT secret). */
  calendarFeedSecret?: string;
  /** Overrides of the e-mail settings (default: the environment, README "Configuration"). */
  email?: Partial<EmailSettings>;
  /** The MailSender (default: sends to SMTP_URL, looks every MAIL_POLL_INTERVAL_MS or 1 s). */
  mail?: Partial<NotificationsSettings['mail']>;
  /** The daily digest job (default: 08:00 local, looks every DIGEST_SCAN_INTERVAL_MS or minute). */
  digest?: Partial<NotificationsSettings['digest']>;
  /** The clock of quiet hours and digests (default: `clock`, else the system clock). */
  now?: () => Date;
}

/**
 * The notifications service: consumes the other services' topics, decides who is told what
 * (notification.rules.ts), keeps each member's in-app inbox in its own database and serves it
 * as a GraphQL subgraph with the `notificationReceived` subscription. Writes no events.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    const { config, jwt, logger } = options;
    // One time source for reminders, quiet hours and digests: specs pass a ManualClock (or `now`).
    const clock: Clock = options.clock ?? (options.now ? { now: options.now } : systemClock);
    const settings: NotificationsSettings = {
      config,
      groupId: options.groupId ?? 'notifications.v1',
      topics: {
        identity: options.topics?.identity ?? TOPICS.identityMember,
        helpRequest: options.topics?.helpRequest ?? TOPICS.marketplaceHelpRequest,
        reputation: options.topics?.reputation ?? TOPICS.reputationAdmin,
        flags: options.topics?.flags ?? TOPICS.reputationFlags,
      },
      consume: options.consume ?? true,
      email: { ...emailSettingsFromEnv(process.env, jwt.secret), ...options.email },
      mail: {
        send: options.mail?.send ?? true,
        smtpUrl: options.mail?.smtpUrl ?? process.env.SMTP_URL,
        pollIntervalMs: options.mail?.pollIntervalMs ?? Number(process.env.MAIL_POLL_INTERVAL_MS || 1_000),
      },
      digest: {
        hour: options.digest?.hour ?? Number(process.env.DIGEST_LOCAL_HOUR || 8),
        intervalMs: options.digest?.intervalMs ?? Number(process.env.DIGEST_SCAN_INTERVAL_MS || 60_000),
        run: options.digest?.run ?? true,
      },
      now: () => clock.now(),
    };
    return {
      module: NotificationsModule,
      imports: [
        ...subgraphServiceImports({
          config,
          logger,
          tokens: new JwtTokens(jwt),
          graphql: (auth) => ({ subscription: { onConnect: subscriptionOnConnect(auth) } }),
        }),
      ],
      providers: [
        { provide: LOGGER, useValue: logger },
        apiErrorFilterProvider,
        { provide: NOTIFICATIONS_SETTINGS, useValue: settings },
        { provide: INBOX_DATABASE, useValue: config.database },
        ...INBOX_PROVIDERS,
        { provide: NOTIFICATIONS_CLOCK, useValue: clock },
        { provide: REMINDER_SETTINGS, useValue: { scanIntervalMs: options.reminderScanIntervalMs ?? 30_000 } },
        { provide: REMINDER_MAILER, useValue: options.reminderMailer ?? reminderEmailMailer },
        ReminderScheduler,
        {
          provide: CALENDAR_FEED_SETTINGS,
          useValue: {
            publicApiUrl: (options.publicApiUrl ?? 'http://localhost:4000').replace(/\/+$/, ''),
            secret: feedSecretFrom(options.calendarFeedSecret, jwt.secret),
          },
        },
        ...CALENDAR_PROVIDERS,
        EmailDelivery,
        FailedMailsResolver,
        UnsubscribeRoutes,
        PreferencesResolver,
        DigestJob,
      ],
      controllers: [CalendarFeedController],
    };
  }
}
