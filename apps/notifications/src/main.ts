import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { NotificationsModule } from './notifications.module.js';

const logger = createLogger('notifications');

runMain(logger, () => {
  const config = loadServiceConfig('notifications');
  const groupId = process.env.NOTIFICATIONS_CONSUMER_GROUP || 'notifications.v1';
  return startService(NotificationsModule.forRoot({ config, jwt: loadJwtConfig(), logger, groupId }), {
    host: config.host,
    port: config.port,
    logger,
  });
});
