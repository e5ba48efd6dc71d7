import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusGatewayDriver, type MercuriusGatewayDriverConfig } from '@nestjs/mercurius';
import type { Logger } from 'pino';
import { createErrorFormatter, graphqlServerOptions, type ServiceConfig } from '@payforward/platform';
import { GatewayHealthController, SUBGRAPHS } from './gateway-health.controller.js';
import { isolateSubgraphSubscriptions } from './subscription-isolation.js';
import { forwardHeaders, type Subgraph } from './subgraphs.js';

export interface GatewayModuleOptions {
  config: ServiceConfig;
  logger: Logger;
  subgraphs: Subgraph[];
}

/**
 * The single public GraphQL endpoint: a Mercurius Federation v1 gateway over the subgraphs,
 * queries, mutations and subscriptions alike (docs/adr/001-graphql-gateway-mercurius.md).
 */
@Module({})
export class GatewayModule {
  static forRoot({ config, logger, subgraphs }: GatewayModuleOptions): DynamicModule {
    // Subscription payloads depend on the subscriber (the mentor's dashboard): never share one upstream.
    isolateSubgraphSubscriptions();
    return {
      module: GatewayModule,
      imports: [
        GraphQLModule.forRoot<MercuriusGatewayDriverConfig>({
          driver: MercuriusGatewayDriver,
          subscription: true,
          ...graphqlServerOptions(config.production),
          errorFormatter: createErrorFormatter(logger, { production: config.production }) as MercuriusGatewayDriverConfig['errorFormatter'],
          gateway: {
            services: subgraphs.map((s) => ({
              name: s.name,
              url: s.url,
              wsUrl: s.wsUrl,
              mandatory: true,
              rewriteHeaders: forwardHeaders,
              // A subgraph that restarts drops the gateway's socket: reconnect and restart the subscriptions.
              ...(s.wsUrl ? { wsConnectionParams: { reconnect: true } } : {}),
            })),
            // Startup waited for the subgraphs already; these cover one that drops during the start.
            retryServicesCount: 30,
            retryServicesInterval: 2_000,
          },
        }),
      ],
      controllers: [GatewayHealthController],
      providers: [{ provide: SUBGRAPHS, useValue: subgraphs }],
    };
  }
}
