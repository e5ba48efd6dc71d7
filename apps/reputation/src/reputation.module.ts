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
import { ADMIN_PROVIDERS } from './admin/admin.providers.js';
import { FLAGS_PROVIDERS } from './flags/flags.providers.js';
import { HISTORY_PROVIDERS } from './history/history.providers.js';
import { ReputationConsumer } from './projection/reputation.consumer.js';
import { ReputationProjection } from './projection/reputation.projection.js';
import { PROJECTIONS_PROVIDERS } from './projections/projections.providers.js';
import { ProjectionRebuilder } from './rebuild/projection.rebuilder.js';
import { REPUTATION_PROVIDERS } from './reputation/reputation.providers.js';
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
        // The admin stream has no inline read model: the projection reads its decisions back from the topic.
        { provide: WRITE_SIDE, useValue: { topicFor: settings.topicFor } satisfies WriteSideOptions },
        commandSessionsProvider,
        // Each feature's use cases; this order is the order of the schema's Query and Mutation fields.
        ...REPUTATION_PROVIDERS,
        ...ADMIN_PROVIDERS,
        ...FLAGS_PROVIDERS,
        ...HISTORY_PROVIDERS,
        ...PROJECTIONS_PROVIDERS,
        ...(settings.relay ? [AdminOutboxRelay] : []),
      ],
    };
  }
}
