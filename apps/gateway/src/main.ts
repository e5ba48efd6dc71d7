import 'reflect-metadata';
import { createLogger, loadServiceConfig, runMain, startService } from '@payforward/platform';
import { loadEdgeConfig } from './edge/edge.config.js';
import { startEdge } from './edge/edge.js';
import { GatewayModule } from './gateway.module.js';
import { subgraphsFromEnv, waitForSubgraphs } from './subgraphs.js';

const logger = createLogger('gateway');

runMain(logger, async () => {
  const config = loadServiceConfig('gateway');
  const edge = await startEdge(config, loadEdgeConfig());
  const subgraphs = subgraphsFromEnv();
  await waitForSubgraphs(subgraphs, logger, Number(process.env.GATEWAY_SUBGRAPH_WAIT_MS || 120_000));
  return startService(GatewayModule.forRoot({ config, logger, subgraphs, edge }), { host: config.host, port: config.port, logger });
});
