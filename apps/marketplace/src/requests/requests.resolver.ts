import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { badInput, type DeclineReason, type Party, type ReferralOutcome, type RequestStatus } from '@payforward/contracts';
import { CorrelationId, CurrentViewer, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { Offer } from '../offers/offer.type.js';
import { findOffer } from '../offers/offers.read-model.js';
import { memberActor, type Actor } from '../shared/actor.js';
import { CLOCK, type Clock } from '../shared/clock.js';
import { DeclineReasonEnum, PartyEnum, ReferralOutcomeEnum, RequestStatusEnum } from '../shared/graphql.enums.js';
import { AcceptRequestCommand } from './accept-request/accept-request.command.js';
import { CompleteRequestCommand } from './complete-request/complete-request.command.js';
import { DeclineRequestCommand } from './decline-request/decline-request.command.js';
import { GetHelpRequestQuery, MyRequestsQuery } from './get-requests/get-requests.query.js';
import { HelpRequest, RequestHelpInput } from './help-request.type.js';
import { IntrosAwaitingMeQuery } from './intros-awaiting-me/intros-awaiting-me.query.js';
import { LeaveFeedbackCommand } from './leave-feedback/leave-feedback.command.js';
import { ReportNoShowCommand } from './report-no-show/report-no-show.command.js';
import { ReportReferralOutcomeCommand } from './report-referral-outcome/report-referral-outcome.command.js';
import { RequestHelpCommand } from './request-help/request-help.command.js';
import { RespondToIntroCommand } from './respond-to-intro/respond-to-intro.command.js';
import { VouchCommand } from './vouch/vouch.command.js';
import { WithdrawRequestCommand } from './withdraw-request/withdraw-request.command.js';

const id = () => ({ type: () => ID });

/** Help requests: every operation needs a signed-in member; who may do what is the decider's call. */
@Resolver(() => HelpRequest)
export class RequestsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => HelpRequest, { nullable: true, description: 'Visible to its seeker, its mentor, an intro target and admins.' })
  helpRequest(@Args('id', id()) requestId: string, @CurrentViewer() viewer: Viewer | null): Promise<HelpRequest> {
    return this.queries.execute(new GetHelpRequestQuery(requireViewer(viewer, 'see a help request'), requestId));
  }

  @Query(() => [HelpRequest], { description: "The signed-in member's requests as seeker or as mentor, newest first." })
  myRequests(
    @Args('as', { type: () => PartyEnum }) as: Party,
    @Args('status', { type: () => [RequestStatusEnum], nullable: true }) status: RequestStatus[] | null,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<HelpRequest[]> {
    return this.queries.execute(new MyRequestsQuery(requireViewer(viewer, 'see your requests'), as, status ?? null));
  }

  @Query(() => [HelpRequest], {
    description: 'INTRO: the accepted introductions whose target is the signed-in member and that wait for their answer (respondToIntro), oldest first.',
  })
  introsAwaitingMe(@CurrentViewer() viewer: Viewer | null): Promise<HelpRequest[]> {
    return this.queries.execute(new IntrosAwaitingMeQuery(requireViewer(viewer, 'see introductions waiting for you')));
  }

  /** The offer as it is now (its remaining capacity included). */
  @ResolveField(() => Offer)
  async offer(@Parent() request: HelpRequest): Promise<Offer> {
    return (await findOffer(this.pool, request.offerId, this.clock.now()))!;
  }

  @Mutation(() => HelpRequest)
  requestHelp(@Args('input') input: RequestHelpInput, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<HelpRequest> {
    return this.commands.execute(new RequestHelpCommand(this.actor(viewer, c, 'ask for help'), input));
  }

  @Mutation(() => HelpRequest)
  acceptRequest(
    @Args('id', id()) requestId: string,
    @Args('scheduledAt', { type: () => Date, nullable: true }) scheduledAt: Date | null,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    // The DateTime scalar turns unparseable text into an Invalid Date; refuse it here, before any lookup.
    if (scheduledAt && !Number.isFinite(scheduledAt.getTime())) {
      throw badInput('scheduledAt', 'scheduledAt must be an ISO 8601 date-time, e.g. 2026-12-01T15:00:00Z.');
    }
    return this.commands.execute(new AcceptRequestCommand(this.actor(viewer, c, 'accept a request'), requestId, scheduledAt ?? null));
  }

  @Mutation(() => HelpRequest)
  declineRequest(
    @Args('id', id()) requestId: string,
    @Args('reason', { type: () => DeclineReasonEnum }) reason: DeclineReason,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new DeclineRequestCommand(this.actor(viewer, c, 'decline a request'), requestId, reason, note ?? null));
  }

  @Mutation(() => HelpRequest)
  withdrawRequest(@Args('id', id()) requestId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<HelpRequest> {
    return this.commands.execute(new WithdrawRequestCommand(this.actor(viewer, c, 'withdraw a request'), requestId));
  }

  @Mutation(() => HelpRequest)
  completeRequest(@Args('id', id()) requestId: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() c: string): Promise<HelpRequest> {
    return this.commands.execute(new CompleteRequestCommand(this.actor(viewer, c, 'complete a request'), requestId));
  }

  @Mutation(() => HelpRequest)
  reportNoShow(
    @Args('id', id()) requestId: string,
    @Args('absent', { type: () => PartyEnum }) absent: Party,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new ReportNoShowCommand(this.actor(viewer, c, 'report a no-show'), requestId, absent));
  }

  @Mutation(() => HelpRequest)
  leaveFeedback(
    @Args('requestId', id()) requestId: string,
    @Args('rating', { type: () => Int }) rating: number,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new LeaveFeedbackCommand(this.actor(viewer, c, 'leave feedback'), requestId, rating, note ?? null));
  }

  @Mutation(() => HelpRequest)
  vouch(
    @Args('requestId', id()) requestId: string,
    @Args('statement') statement: string,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new VouchCommand(this.actor(viewer, c, 'vouch'), requestId, statement));
  }

  @Mutation(() => HelpRequest)
  reportReferralOutcome(
    @Args('requestId', id()) requestId: string,
    @Args('outcome', { type: () => ReferralOutcomeEnum }) outcome: ReferralOutcome,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new ReportReferralOutcomeCommand(this.actor(viewer, c, 'report an outcome'), requestId, outcome));
  }

  @Mutation(() => HelpRequest, { description: 'INTRO: the target member consents (or not) to being introduced.' })
  respondToIntro(
    @Args('requestId', id()) requestId: string,
    @Args('consent') consent: boolean,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() c: string,
  ): Promise<HelpRequest> {
    return this.commands.execute(new RespondToIntroCommand(this.actor(viewer, c, 'answer an introduction'), requestId, consent));
  }

  private actor(viewer: Viewer | null, correlationId: string, action: string): Actor {
    return memberActor(requireViewer(viewer, action), correlationId);
  }
}
