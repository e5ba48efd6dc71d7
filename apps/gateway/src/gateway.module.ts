import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusGatewayDriver, type MercuriusGatewayDriverConfig } from '@nestjs/mercurius';
import type { Logger } from 'pino';
import { graphqlServerOptions, type ServiceConfig } from '@payforward/platform';
import { csrfPrevention } from './edge/csrf.hook.js';
import type { Edge } from './edge/edge.js';
import { gatewayErrorFormatter } from './edge/edge.error-formatter.js';
import { edgeGuard } from './edge/edge-guard.hook.js';
import { subscriptionLimits } from './edge/subscription-limits.plugin.js';
import { GatewayHealthController, SUBGRAPHS } from './gateway-health.controller.js';
import { PublicLinksProxy } from './public-links/public-links.proxy.js';
import { isolateSubgraphSubscriptions } from './subscription-isolation.js';
import { forwardHeaders, type Subgraph } from './subgraphs.js';

export interface GatewayModuleOptions {
  config: ServiceConfig;
  logger: Logger;
  subgraphs: Subgraph[];
  /** Query limits, CSRF prevention and rate limits (docs/adr/007-graphql-edge-limits.md). */
  edge: Edge;
}

const EDGE = Symbol('EDGE');

/** Closes the rate limits' pool after the HTTP server has stopped taking requests. */
@Injectable()
class EdgeShutdown implements OnApplicationShutdown {
  constructor(@Inject(EDGE) private readonly edge: Edge) {}

  onApplicationShutdown(): Promise<void> {
    return this.edge.close();
  }
}

type RouteOptions = NonNullable<MercuriusGatewayDriverConfig['additionalRouteOptions']>;

/**
 * The single public GraphQL endpoint: a Mercurius Federation v1 gateway over the subgraphs,
 * queries, mutations and subscriptions alike (docs/adr/001-graphql-gateway-mercurius.md), behind
 * the edge's checks, which all run before any operation does (ADR 007).
 */
@Module({})
export class GatewayModule {
  static forRoot({ config, logger, subgraphs, edge }: GatewayModuleOptions): DynamicModule {
    // Subscription payloads depend on the subscriber (the mentor's dashboard): never share one upstream.
    isolateSubgraphSubscriptions();
    const guard = edgeGuard({ config: edge.config, rateLimits: edge.rateLimits, tokens: edge.tokens, logger });
    return {
      module: GatewayModule,
      imports: [
        GraphQLModule.forRoot<MercuriusGatewayDriverConfig>({
          driver: MercuriusGatewayDriver,
          subscription: true,
          ...graphqlServerOptions(config.production),
          // graphql-armor's max-depth (the edge guard) replaces Mercurius' own depth count, which also
          // counts introspection and so refused GraphiQL's schema query in development.
          queryDepth: undefined,
          // Batches are held to a size, one cost budget and the rate limits per operation by the edge guard.
          allowBatchedQueries: true,
          additionalRouteOptions: { preParsing: csrfPrevention as RouteOptions['preParsing'], preHandler: guard as RouteOptions['preHandler'] },
          plugins: [{ plugin: subscriptionLimits(edge.config) }],
          errorFormatter: gatewayErrorFormatter(logger, config.production) as MercuriusGatewayDriverConfig['errorFormatter'],
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
      providers: [{ provide: SUBGRAPHS, useValue: subgraphs }, { provide: EDGE, useValue: edge }, EdgeShutdown, PublicLinksProxy],
    };
  }
}
