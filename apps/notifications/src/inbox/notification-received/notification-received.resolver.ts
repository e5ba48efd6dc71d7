import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { apiError, CurrentViewer, type Viewer } from '@payforward/platform';
import { inboxTopic } from '../inbox.notifier.js';
import { Notification } from '../notification.type.js';

interface SubscriptionPubSub {
  subscribe(topic: string): Promise<AsyncIterable<unknown>> | AsyncIterable<unknown>;
}

@Resolver(() => Notification)
export class NotificationReceivedResolver {
  /**
   * One topic per member, fed by InboxNotifier after each committed notification: a member only
   * ever listens to their own (the viewer comes from the connection's init payload, directly or
   * forwarded by the gateway per subscription), exactly like mentorDashboardChanged.
   */
  @Subscription(() => Notification, { description: 'Fires for the signed-in member with each new notification of theirs.' })
  notificationReceived(@CurrentViewer() viewer: Viewer | null, @Context('pubsub') pubsub: SubscriptionPubSub) {
    // A GraphQLError carrying its code: Mercurius sends a refused subscribe as is, without the error formatter.
    if (!viewer) throw apiError('UNAUTHENTICATED', 'Sign in to follow your notifications.');
    return pubsub.subscribe(inboxTopic(viewer.memberId));
  }
}
