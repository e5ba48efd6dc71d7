import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { IdentityModule } from './identity.module.js';

const logger = createLogger('identity');

runMain(logger, () => {
  const config = loadServiceConfig('identity');
  return startService(IdentityModule.forRoot({ config, jwt: loadJwtConfig(), logger }), { host: config.host, port: config.port, logger });
});
