import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { MarketplaceModule } from './marketplace.module.js';

const logger = createLogger('marketplace');

runMain(logger, () => {
  const config = loadServiceConfig('marketplace');
  const scan = process.env.EXPIRY_SCAN_INTERVAL_MS;
  const expiryScanIntervalMs = scan === undefined || scan === '' ? 30_000 : Number(scan);
  if (!Number.isInteger(expiryScanIntervalMs) || expiryScanIntervalMs < 0) throw new Error('EXPIRY_SCAN_INTERVAL_MS must be a whole number of milliseconds');
  const membersGroupId = process.env.MARKETPLACE_CONSUMER_GROUP || 'marketplace.members.v1';
  return startService(MarketplaceModule.forRoot({ config, jwt: loadJwtConfig(), logger, expiryScanIntervalMs, membersGroupId }), {
    host: config.host,
    port: config.port,
    logger,
  });
});
