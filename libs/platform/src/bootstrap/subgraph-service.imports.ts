import type { DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusFederationDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { JwtTokens } from '../auth/jwt.js';
import type { ServiceConfig } from '../config/service.config.js';
import { DatabaseModule, PG_POOL } from '../database/database.module.js';
import { createErrorFormatter } from '../graphql/error-formatter.js';
import { graphqlServerOptions } from '../graphql/hardening.js';
import { viewerContext } from '../graphql/viewer.js';
import { postgresCheck } from '../health/health.checks.js';
import { HealthModule } from '../health/health.module.js';
import { kafkaCheck } from '../health/kafka.check.js';

export interface SubgraphServiceImports {
  config: ServiceConfig;
  logger: Logger;
  tokens: JwtTokens;
  /** Pool options for the service's database (e.g. a larger pool for a write-heavy service). */
  pool?: Parameters<typeof DatabaseModule.forRoot>[1];
  /** Extra Mercurius options (subscriptions, orphaned types); the shared ones stay as they are. */
  graphql?: Partial<MercuriusDriverConfig>;
}

/**
 * What every subgraph service is made of, in one place: CQRS buses, its own database pool,
 * health checks of that database and Kafka, and a Federation v1 subgraph whose context carries
 * the verified viewer and whose errors are shaped into the contract's codes.
 */
export function subgraphServiceImports({ config, logger, tokens, pool, graphql = {} }: SubgraphServiceImports): DynamicModule[] {
  return [
    CqrsModule.forRoot(),
    DatabaseModule.forRoot(config.database, pool),
    HealthModule.forRoot({
      inject: [PG_POOL],
      useFactory: (db: pg.Pool) => [postgresCheck(db), kafkaCheck(config.kafka.brokers)],
    }),
    GraphQLModule.forRoot<MercuriusDriverConfig>({
      driver: MercuriusFederationDriver,
      autoSchemaFile: true,
      ...graphqlServerOptions(config.production),
      context: viewerContext(tokens),
      errorFormatter: createErrorFormatter(logger, { production: config.production }) as MercuriusDriverConfig['errorFormatter'],
      ...graphql,
    }),
  ];
}
