import type { DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusFederationDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { JwtTokens } from '../auth/jwt.js';
import { ViewerAuthModule } from '../auth/viewer-auth.module.js';
import { blockedViewerCacheMsOf, ViewerAuthenticator } from '../auth/viewer-authenticator.js';
import type { ServiceConfig } from '../config/service.config.js';
import { DatabaseModule, PG_POOL } from '../database/database.module.js';
import { PersonalDataModule } from '../personal-data/personal-data.module.js';
import { createErrorFormatter } from '../graphql/error-formatter.js';
import { graphqlServerOptions } from '../graphql/hardening.js';
import { TextInputModule } from '../graphql/text-input.pipe.js';
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
  /**
   * Extra Mercurius options (subscriptions, orphaned types); the shared ones stay as they are.
   * A function receives the service's ViewerAuthenticator (a subscription's onConnect needs it).
   */
  graphql?: Partial<MercuriusDriverConfig> | ((auth: ViewerAuthenticator) => Partial<MercuriusDriverConfig>);
  /** How long a blocked-member lookup is reused (default: BLOCKED_VIEWER_CACHE_MS, else 2 s). */
  blockedViewerCacheMs?: number;
}

/**
 * What every subgraph service is made of, in one place: CQRS buses, its own database pool,
 * health checks of that database and Kafka, and a Federation v1 subgraph whose context carries
 * the authenticated viewer (token verified here, member not blocked: ViewerAuthenticator) and
 * whose errors are shaped into the contract's codes.
 */
export function subgraphServiceImports({
  config,
  logger,
  tokens,
  pool,
  graphql = {},
  blockedViewerCacheMs = blockedViewerCacheMsOf(),
}: SubgraphServiceImports): DynamicModule[] {
  return [
    CqrsModule.forRoot(),
    DatabaseModule.forRoot(config.database, pool),
    PersonalDataModule.forRoot(config.encryption),
    ViewerAuthModule.forRoot(tokens, blockedViewerCacheMs),
    // Text PostgreSQL cannot store (NUL, lone surrogates) is refused before any resolver runs.
    { module: TextInputModule },
    HealthModule.forRoot({
      inject: [PG_POOL],
      useFactory: (db: pg.Pool) => [postgresCheck(db), kafkaCheck(config.kafka.brokers)],
    }),
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusFederationDriver,
      inject: [ViewerAuthenticator],
      useFactory: (auth: ViewerAuthenticator) => ({
        autoSchemaFile: true,
        ...graphqlServerOptions(config.production),
        context: viewerContext(auth),
        errorFormatter: createErrorFormatter(logger, { production: config.production }) as MercuriusDriverConfig['errorFormatter'],
        ...(typeof graphql === 'function' ? graphql(auth) : graphql),
      }),
    }),
  ];
}
