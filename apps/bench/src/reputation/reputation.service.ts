// The reputation service of the lag benchmark: the service's main.ts (startService on Fastify, the
// same module, its consumer group, the admin stream's outbox relay), on the benchmark's topics.
//   env: as the service (REPUTATION_PORT, REPUTATION_DATABASE, JWT_SECRET, HOST, …) + BENCH_TOPICS, BENCH_GROUP
import 'reflect-metadata';
import { createLogger, loadJwtConfig, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { env, topicsFromEnv } from './reputation.child.js';
import { benchReputationModule } from './reputation.dist.js';

const logger = createLogger('reputation-bench');

runMain(logger, async () => {
  const config = loadServiceConfig('reputation');
  const module = await benchReputationModule({ config, jwt: loadJwtConfig(), logger, topics: topicsFromEnv(), groupId: env('BENCH_GROUP'), relay: true });
  return startService(module, { host: config.host, port: config.port, logger });
});
