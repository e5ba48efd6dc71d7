import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { NotificationsModule } from './notifications.module.js';

const logger = createLogger('notifications');

runMain(logger, () => {
  const config = loadServiceConfig('notifications');
  const groupId = process.env.NOTIFICATIONS_CONSUMER_GROUP || 'notifications.v1';
  const scan = process.env.REMINDER_SCAN_INTERVAL_MS;
  // Tests only: a crash spec runs this process on topics of its own (default: the contracts' registry).
  const topics = {
    identity: process.env.NOTIFICATIONS_TEST_TOPIC_IDENTITY || undefined,
    helpRequest: process.env.NOTIFICATIONS_TEST_TOPIC_HELP_REQUEST || undefined,
    reputation: process.env.NOTIFICATIONS_TEST_TOPIC_REPUTATION || undefined,
    flags: process.env.NOTIFICATIONS_TEST_TOPIC_FLAGS || undefined,
  };
  const module = NotificationsModule.forRoot({
    config,
    jwt: loadJwtConfig(),
    logger,
    groupId,
    topics,
    reminderScanIntervalMs: scan ? Number(scan) : undefined,
    publicApiUrl: process.env.PUBLIC_API_URL || undefined,
    calendarFeedSecret: process.env.CALENDAR_FEED_SECRET || undefined,
  });
  return startService(module, {
    host: config.host,
    port: config.port,
    logger,
  });
});
