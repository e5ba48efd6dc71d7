import { Context, Query, Resolver, Subscription } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { apiError, CurrentViewer, requireViewer, type RequestContext, type Viewer } from '@payforward/platform';
import { dashboardTopic } from '../shared/dashboard.channel.js';
import { GetMentorDashboardQuery } from './get-mentor-dashboard/get-mentor-dashboard.query.js';
import { MentorDashboard } from './mentor-dashboard.type.js';

interface SubscriptionPubSub {
  subscribe(topic: string): Promise<AsyncIterable<unknown>> | AsyncIterable<unknown>;
}

@Resolver(() => MentorDashboard)
export class DashboardResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => MentorDashboard, { description: "The signed-in mentor's offers with their load, pending requests, upcoming sessions and availability." })
  mentorDashboard(@CurrentViewer() viewer: Viewer | null): Promise<MentorDashboard> {
    return this.queries.execute(new GetMentorDashboardQuery(requireViewer(viewer, 'see your dashboard').memberId));
  }

  /**
   * One topic per mentor, fed by DashboardNotifier after each committed change; every event
   * answers with the dashboard read fresh, so a subscriber never sees a stale or partial one.
   * The viewer comes from the connection's init payload (directly, or forwarded by the gateway).
   */
  @Subscription(() => MentorDashboard, {
    description: 'Fires for the signed-in mentor whenever their dashboard changes (new, withdrawn or expired request, capacity change).',
    resolve(this: DashboardResolver, _payload: unknown, _args: unknown, context: RequestContext) {
      return this.queries.execute(new GetMentorDashboardQuery(context.viewer!.memberId));
    },
  })
  mentorDashboardChanged(@CurrentViewer() viewer: Viewer | null, @Context('pubsub') pubsub: SubscriptionPubSub) {
    // A GraphQLError carrying its code: Mercurius sends a refused subscribe as is, without the error formatter.
    if (!viewer) throw apiError('UNAUTHENTICATED', 'Sign in to follow your dashboard.');
    return pubsub.subscribe(dashboardTopic(viewer.memberId));
  }
}
