import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { ReputationModule } from './reputation.module.js';

const logger = createLogger('reputation');

runMain(logger, () => {
  const config = loadServiceConfig('reputation');
  const groupId = process.env.REPUTATION_CONSUMER_GROUP || 'reputation.v1';
  return startService(ReputationModule.forRoot({ config, jwt: loadJwtConfig(), logger, groupId }), {
    host: config.host,
    port: config.port,
    logger,
  });
});
