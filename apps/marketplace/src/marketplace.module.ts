import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { topicForEventType, TOPICS } from '@payforward/contracts';
import {
  apiErrorFilterProvider,
  commandSessionsProvider,
  JwtTokens,
  LOGGER,
  subgraphServiceImports,
  type JwtConfig,
  type ServiceConfig,
  type WriteSideOptions,
  WRITE_SIDE,
  subscriptionOnConnect,
} from '@payforward/platform';
import { AVAILABILITY_PROVIDERS } from './availability/availability.providers.js';
import { DASHBOARD_PROVIDERS } from './dashboard/dashboard.providers.js';
import { DASHBOARD_DATABASE } from './dashboard/dashboard.notifier.js';
import { IdentityEventsConsumer } from './members/identity-events.consumer.js';
import { OFFERS_PROVIDERS } from './offers/offers.providers.js';
import { OutboxRelayService } from './outbox/outbox-relay.service.js';
import { RELATIONSHIPS_PROVIDERS } from './relationships/relationships.providers.js';
import { EXPIRY_SETTINGS } from './requests/expire-request/expiry.scheduler.js';
import { REQUESTS_PROVIDERS } from './requests/requests.providers.js';
import { CLOCK, systemClock, type Clock } from './shared/clock.js';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from './shared/marketplace.settings.js';
import { marketplaceProjector } from './shared/marketplace.projection.js';
import { MemberReference } from './shared/member.reference.js';

export interface MarketplaceModuleOptions {
  config: ServiceConfig;
  jwt: JwtConfig;
  logger: Logger;
  /** The time source of every handler and of the expiry scan (specs pass a ManualClock). */
  clock?: Clock;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  /** EXPIRY_SCAN_INTERVAL_MS (default 30 s); 0 = scan only on ExpiryScheduler.runOnce(). */
  expiryScanIntervalMs?: number;
  identityTopic?: string;
  membersGroupId?: string;
  /** Consume identity's member events (default true). */
  consumeIdentity?: boolean;
  /** Where each event type is published (default: the contracts' topic registry). */
  topicFor?: (type: string) => string;
  /** Connections in the service's pool (default 16: accepts and submits hold one for their whole transaction). */
  poolMax?: number;
}

/**
 * The marketplace service: offers, availability, help requests, relationships; event-sourced
 * in its own database, publishing its topics through its own outbox relay, and serving a
 * GraphQL subgraph with the `mentorDashboardChanged` subscription.
 */
@Module({})
export class MarketplaceModule {
  static forRoot(options: MarketplaceModuleOptions): DynamicModule {
    const { config, jwt, logger, clock = systemClock, relay = true } = options;
    const settings: MarketplaceSettings = {
      config,
      identityTopic: options.identityTopic ?? TOPICS.identityMember,
      membersGroupId: options.membersGroupId ?? 'marketplace.members.v1',
      consumeIdentity: options.consumeIdentity ?? true,
      topicFor: options.topicFor ?? topicForEventType,
    };
    const tokens = new JwtTokens(jwt);
    return {
      module: MarketplaceModule,
      imports: [
        ...subgraphServiceImports({
          config,
          logger,
          tokens,
          pool: { max: options.poolMax ?? 16 },
          graphql: (auth) => ({
            // Member is only extended here: list it so the schema has it even before a resolver returns it.
            buildSchemaOptions: { orphanedTypes: [MemberReference] },
            subscription: { onConnect: subscriptionOnConnect(auth) },
          }),
        }),
      ],
      providers: [
        { provide: LOGGER, useValue: logger },
        apiErrorFilterProvider,
        { provide: CLOCK, useValue: clock },
        { provide: MARKETPLACE_SETTINGS, useValue: settings },
        { provide: DASHBOARD_DATABASE, useValue: config.database },
        { provide: EXPIRY_SETTINGS, useValue: { scanIntervalMs: options.expiryScanIntervalMs ?? 30_000 } },
        {
          provide: WRITE_SIDE,
          useValue: { projector: marketplaceProjector, topicFor: settings.topicFor, sealPersonalData: true, clock: () => clock.now() } satisfies WriteSideOptions,
        },
        commandSessionsProvider,
        // Each feature's use cases; this order is the order of the schema's Query and Mutation fields.
        ...OFFERS_PROVIDERS,
        ...AVAILABILITY_PROVIDERS,
        ...REQUESTS_PROVIDERS,
        ...RELATIONSHIPS_PROVIDERS,
        ...DASHBOARD_PROVIDERS,
        IdentityEventsConsumer,
        ...(relay ? [OutboxRelayService] : []),
      ],
    };
  }
}
