import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import type { Party, RequestStatus } from '@payforward/contracts';
import { CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { PartyEnum, RequestStatusEnum } from '../../shared/graphql.enums.js';
import { HelpRequest } from '../help-request.type.js';
import { GetHelpRequestQuery, MyRequestsQuery } from './get-requests.query.js';

/** Help requests: every operation needs a signed-in member; who may do what is the decider's call. */
@Resolver(() => HelpRequest)
export class GetRequestsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => HelpRequest, { nullable: true, description: 'Visible to its seeker, its mentor, an intro target and admins.' })
  helpRequest(@Args('id', { type: () => ID }) requestId: string, @CurrentViewer() viewer: Viewer | null): Promise<HelpRequest> {
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
}
