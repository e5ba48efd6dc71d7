import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { DEFAULT_CONTACT_GRANTS } from './contact-grants/contact-grants.consumer.js';
import { IdentityModule } from './identity.module.js';
import { loadAdminBootstrap } from './members/bootstrap-admin/admin-bootstrap.config.js';

const logger = createLogger('identity');

runMain(logger, () => {
  const config = loadServiceConfig('identity');
  const contactGrants = { ...DEFAULT_CONTACT_GRANTS, groupId: process.env.IDENTITY_CONTACT_GRANTS_GROUP || DEFAULT_CONTACT_GRANTS.groupId };
  const module = IdentityModule.forRoot({ config, jwt: loadJwtConfig(), logger, contactGrants, adminBootstrap: loadAdminBootstrap() });
  return startService(module, { host: config.host, port: config.port, logger });
});
