import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusFederationDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { Logger } from 'pino';
import type pg from 'pg';
import { TOPICS } from '@payforward/contracts';
import {
  apiErrorFilterProvider,
  createErrorFormatter,
  graphqlServerOptions,
  DatabaseModule,
  HealthModule,
  JwtTokens,
  kafkaCheck,
  LOGGER,
  PG_POOL,
  postgresCheck,
  viewerContext,
  type JwtConfig,
  type ServiceConfig,
} from '@payforward/platform';
import { GetLedgerHandler, GetReputationHandler } from './reputation/get-reputation/get-reputation.handler.js';
import { MemberReputationResolver, ReputationResolver } from './reputation/get-reputation/reputation.resolver.js';
import {
  IdentityEventsConsumer,
  REPUTATION_SETTINGS,
  type ReputationSettings,
} from './reputation/member-registered/identity-events.consumer.js';
import { MemberReference } from './reputation/reputation.type.js';

export interface ReputationModuleOptions {
  config: ServiceConfig;
  jwt: JwtConfig;
  logger: Logger;
  groupId?: string;
  identityTopic?: string;
}

/** The reputation service: a projection of the event log, served as a GraphQL subgraph. */
@Module({})
export class ReputationModule {
  static forRoot({ config, jwt, logger, groupId = 'reputation.v1', identityTopic = TOPICS.identityMember }: ReputationModuleOptions): DynamicModule {
    const settings: ReputationSettings = { config, groupId, identityTopic };
    return {
      module: ReputationModule,
      imports: [
        CqrsModule.forRoot(),
        DatabaseModule.forRoot(config.database),
        HealthModule.forRoot({
          inject: [PG_POOL],
          useFactory: (pool: pg.Pool) => [postgresCheck(pool), kafkaCheck(config.kafka.brokers)],
        }),
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusFederationDriver,
          autoSchemaFile: true,
          ...graphqlServerOptions(config.production),
          // Member is only extended here: list it so the schema has it even before a resolver returns it.
          buildSchemaOptions: { orphanedTypes: [MemberReference] },
          context: viewerContext(new JwtTokens(jwt)),
          errorFormatter: createErrorFormatter(logger, { production: config.production }) as MercuriusDriverConfig['errorFormatter'],
        }),
      ],
      providers: [
        { provide: LOGGER, useValue: logger },
        apiErrorFilterProvider,
        { provide: REPUTATION_SETTINGS, useValue: settings },
        GetReputationHandler,
        GetLedgerHandler,
        ReputationResolver,
        MemberReputationResolver,
        IdentityEventsConsumer,
      ],
    };
  }
}
