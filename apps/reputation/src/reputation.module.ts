import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { topicForEventType, TOPICS } from '@payforward/contracts';
import {
  apiErrorFilterProvider,
  commandSessionsProvider,
  JwtTokens,
  subgraphServiceImports,
  LOGGER,
  type JwtConfig,
  type ServiceConfig,
  type WriteSideOptions,
  WRITE_SIDE,
} from '@payforward/platform';
import { AdminOutboxRelay } from './admin/admin-outbox.relay.js';
import { AdminReviewResolver } from './admin/admin.resolver.js';
import { AdjustReputationHandler } from './admin/adjust-reputation/adjust-reputation.handler.js';
import { ResolveFlagHandler } from './admin/resolve-flag/resolve-flag.handler.js';
import { FlagsResolver } from './flags/flags.resolver.js';
import { GetFlagsHandler } from './flags/get-flags/get-flags.handler.js';
import { HistoryResolver } from './history/history.resolver.js';
import { MemberHistoryHandler } from './history/member-history/member-history.handler.js';
import { ReputationConsumer } from './projection/reputation.consumer.js';
import { ReputationProjection } from './projection/reputation.projection.js';
import { GetProjectionsHandler } from './projections/get-projections/get-projections.handler.js';
import { ProjectionsResolver } from './projections/projections.resolver.js';
import { RebuildProjectionHandler } from './projections/rebuild-projection/rebuild-projection.handler.js';
import { ProjectionRebuilder } from './rebuild/projection.rebuilder.js';
import { GetLedgerHandler, GetReputationHandler } from './reputation/get-reputation/get-reputation.handler.js';
import { LeaderboardHandler } from './reputation/leaderboard/leaderboard.handler.js';
import { ReputationLoaders } from './reputation/reputation.loaders.js';
import { MemberReputationResolver, ReputationResolver } from './reputation/reputation.resolver.js';
import { MemberReference } from './reputation/reputation.type.js';
import { REPUTATION_SETTINGS, type RebuildProgress, type ReputationSettings } from './reputation.settings.js';

export interface ReputationModuleOptions {
  config: ServiceConfig;
  jwt: JwtConfig;
  logger: Logger;
  groupId?: string;
  /** Consumed topics (default: the contracts' registry); specs pass unique ones. */
  topics?: Partial<ReputationSettings['topics']>;
  /** Where admin events are published (default: the contracts' registry). */
  topicFor?: (type: string) => string;
  /** Run the admin stream's outbox relay in this process (default true). */
  relay?: boolean;
  rebuildBatchSize?: number;
  rebuildCheckpoint?: (progress: RebuildProgress) => Promise<void>;
  adminReadYourWritesMs?: number;
}

/** The reputation service: a projection of the event log, its admin review stream, served as a GraphQL subgraph. */
@Module({})
export class ReputationModule {
  static forRoot(options: ReputationModuleOptions): DynamicModule {
    const { config, jwt, logger } = options;
    const settings: ReputationSettings = {
      config,
      groupId: options.groupId ?? 'reputation.v1',
      topics: {
        identity: options.topics?.identity ?? TOPICS.identityMember,
        helpRequest: options.topics?.helpRequest ?? TOPICS.marketplaceHelpRequest,
        admin: options.topics?.admin ?? TOPICS.reputationAdmin,
      },
      topicFor: options.topicFor ?? topicForEventType,
      relay: options.relay ?? true,
      rebuildBatchSize: options.rebuildBatchSize ?? 1_000,
      rebuildCheckpoint: options.rebuildCheckpoint,
      adminReadYourWritesMs: options.adminReadYourWritesMs ?? 10_000,
    };
    return {
      module: ReputationModule,
      imports: [
        ...subgraphServiceImports({
          config,
          logger,
          tokens: new JwtTokens(jwt),
          // Member is only extended here: list it so the schema has it even before a resolver returns it.
          graphql: { buildSchemaOptions: { orphanedTypes: [MemberReference] } },
        }),
      ],
      providers: [
        { provide: LOGGER, useValue: logger },
        apiErrorFilterProvider,
        { provide: REPUTATION_SETTINGS, useValue: settings },
        // The projection
        ReputationProjection,
        ReputationConsumer,
        ProjectionRebuilder,
        // Reads
        ReputationLoaders,
        GetReputationHandler,
        GetLedgerHandler,
        LeaderboardHandler,
        ReputationResolver,
        MemberReputationResolver,
        // Admin review
        // The admin stream has no inline read model: the projection reads its decisions back from the topic.
        { provide: WRITE_SIDE, useValue: { topicFor: settings.topicFor } satisfies WriteSideOptions },
        commandSessionsProvider,
        ResolveFlagHandler,
        AdjustReputationHandler,
        AdminReviewResolver,
        GetFlagsHandler,
        FlagsResolver,
        MemberHistoryHandler,
        HistoryResolver,
        GetProjectionsHandler,
        RebuildProjectionHandler,
        ProjectionsResolver,
        ...(settings.relay ? [AdminOutboxRelay] : []),
      ],
    };
  }
}
