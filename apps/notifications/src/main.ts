import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { NotificationsModule } from './notifications.module.js';

const logger = createLogger('notifications');

runMain(logger, () => {
  const config = loadServiceConfig('notifications');
  const groupId = process.env.NOTIFICATIONS_CONSUMER_GROUP || 'notifications.v1';
  const scan = process.env.REMINDER_SCAN_INTERVAL_MS;
  const module = NotificationsModule.forRoot({
    config,
    jwt: loadJwtConfig(),
    logger,
    groupId,
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
