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
} from '@payforward/platform';
import { AvailabilityResolver } from './availability/availability.resolver.js';
import { SetAvailabilityHandler } from './availability/set-availability/set-availability.handler.js';
import { DashboardNotifier, DASHBOARD_DATABASE } from './dashboard/dashboard.notifier.js';
import { DashboardResolver } from './dashboard/dashboard.resolver.js';
import { GetMentorDashboardHandler } from './dashboard/get-mentor-dashboard/get-mentor-dashboard.handler.js';
import { IdentityEventsConsumer } from './members/identity-events.consumer.js';
import { GetOfferHandler, SearchOffersHandler } from './offers/browse-offers/browse-offers.handler.js';
import { ChangeOfferStatusHandler } from './offers/change-offer-status/change-offer-status.handler.js';
import { OffersResolver } from './offers/offers.resolver.js';
import { PublishOfferHandler } from './offers/publish-offer/publish-offer.handler.js';
import { UpdateOfferHandler } from './offers/update-offer/update-offer.handler.js';
import { OutboxRelayService } from './outbox/outbox-relay.service.js';
import { AttestWorkedTogetherHandler } from './relationships/attest-worked-together/attest-worked-together.handler.js';
import { BlockMemberHandler } from './relationships/block-member/block-member.handler.js';
import { ConfirmWorkedTogetherHandler } from './relationships/confirm-worked-together/confirm-worked-together.handler.js';
import { RelationshipsResolver } from './relationships/relationships.resolver.js';
import { AcceptRequestHandler } from './requests/accept-request/accept-request.handler.js';
import { CompleteRequestHandler } from './requests/complete-request/complete-request.handler.js';
import { DeclineRequestHandler } from './requests/decline-request/decline-request.handler.js';
import { ExpireHelpRequestHandler } from './requests/expire-request/expire-request.handler.js';
import { EXPIRY_SETTINGS, ExpiryScheduler } from './requests/expire-request/expiry.scheduler.js';
import { GetHelpRequestHandler, MyRequestsHandler } from './requests/get-requests/get-requests.handler.js';
import { IntrosAwaitingMeHandler } from './requests/intros-awaiting-me/intros-awaiting-me.handler.js';
import { HelpRequestActions } from './requests/help-request.actions.js';
import { LeaveFeedbackHandler } from './requests/leave-feedback/leave-feedback.handler.js';
import { ReportNoShowHandler } from './requests/report-no-show/report-no-show.handler.js';
import { ReportReferralOutcomeHandler } from './requests/report-referral-outcome/report-referral-outcome.handler.js';
import { RequestHelpHandler } from './requests/request-help/request-help.handler.js';
import { RequestsResolver } from './requests/requests.resolver.js';
import { RespondToIntroHandler } from './requests/respond-to-intro/respond-to-intro.handler.js';
import { VouchHandler } from './requests/vouch/vouch.handler.js';
import { WithdrawRequestHandler } from './requests/withdraw-request/withdraw-request.handler.js';
import { CLOCK, systemClock, type Clock } from './shared/clock.js';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from './shared/marketplace.settings.js';
import { marketplaceProjector } from './shared/marketplace.projection.js';
import { MemberReference } from './shared/member.reference.js';
import { subscriptionOnConnect } from './shared/subscription.context.js';

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
}

const commandHandlers = [
  PublishOfferHandler,
  UpdateOfferHandler,
  ChangeOfferStatusHandler,
  SetAvailabilityHandler,
  RequestHelpHandler,
  AcceptRequestHandler,
  DeclineRequestHandler,
  WithdrawRequestHandler,
  ExpireHelpRequestHandler,
  CompleteRequestHandler,
  ReportNoShowHandler,
  LeaveFeedbackHandler,
  VouchHandler,
  ReportReferralOutcomeHandler,
  RespondToIntroHandler,
  BlockMemberHandler,
  AttestWorkedTogetherHandler,
  ConfirmWorkedTogetherHandler,
];
const queryHandlers = [SearchOffersHandler, GetOfferHandler, GetHelpRequestHandler, MyRequestsHandler, IntrosAwaitingMeHandler, GetMentorDashboardHandler];
const resolvers = [OffersResolver, AvailabilityResolver, RequestsResolver, RelationshipsResolver, DashboardResolver];

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
          pool: { max: 16 },
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
        HelpRequestActions,
        ...commandHandlers,
        ...queryHandlers,
        ...resolvers,
        DashboardNotifier,
        ExpiryScheduler,
        IdentityEventsConsumer,
        ...(relay ? [OutboxRelayService] : []),
      ],
    };
  }
}
