// The marketplace subgraph of the benchmark's stack: the service's main.ts (startService on
// Fastify, the same module, JWT verification, outbox relay), with the benchmark's module options
// (see marketplace.dist.ts). The gateway is pointed at it with MARKETPLACE_URL.
//   env: as the service (MARKETPLACE_PORT, MARKETPLACE_DATABASE, JWT_SECRET, HOST, …) + BENCH_TOPIC_PREFIX
import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { benchMarketplaceModule } from './marketplace.dist.js';

const logger = createLogger('marketplace-bench');

runMain(logger, async () => {
  const config = loadServiceConfig('marketplace');
  const topicPrefix = process.env.BENCH_TOPIC_PREFIX;
  if (!topicPrefix) throw new Error('BENCH_TOPIC_PREFIX is required');
  const module = await benchMarketplaceModule({ config, jwt: loadJwtConfig(), logger, topicPrefix });
  return startService(module, { host: config.host, port: config.port, logger });
});
