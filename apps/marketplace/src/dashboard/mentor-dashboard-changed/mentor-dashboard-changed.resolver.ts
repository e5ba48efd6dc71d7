import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { apiError, CurrentViewer, type RequestContext, type Viewer } from '@payforward/platform';
import { dashboardTopic } from '../../shared/dashboard.channel.js';
import { GetMentorDashboardQuery } from '../get-mentor-dashboard/get-mentor-dashboard.query.js';
import { MentorDashboard } from '../mentor-dashboard.type.js';

interface SubscriptionPubSub {
  subscribe(topic: string): Promise<AsyncIterable<unknown>> | AsyncIterable<unknown>;
}

@Resolver(() => MentorDashboard)
export class MentorDashboardChangedResolver {
  constructor(private readonly queries: QueryBus) {}

  /**
   * One topic per mentor, fed by DashboardNotifier after each committed change; every event
   * answers with the dashboard read fresh, so a subscriber never sees a stale or partial one.
   * The viewer comes from the connection's init payload (directly, or forwarded by the gateway).
   */
  @Subscription(() => MentorDashboard, {
    description: 'Fires for the signed-in mentor whenever their dashboard changes (new, withdrawn or expired request, capacity change).',
    resolve(this: MentorDashboardChangedResolver, _payload: unknown, _args: unknown, context: RequestContext) {
      return this.queries.execute(new GetMentorDashboardQuery(context.viewer!.memberId));
    },
  })
  mentorDashboardChanged(@CurrentViewer() viewer: Viewer | null, @Context('pubsub') pubsub: SubscriptionPubSub) {
    // A GraphQLError carrying its code: Mercurius sends a refused subscribe as is, without the error formatter.
    if (!viewer) throw apiError('UNAUTHENTICATED', 'Sign in to follow your dashboard.');
    return pubsub.subscribe(dashboardTopic(viewer.memberId));
  }
}
