import type { Provider } from '@nestjs/common';
import { InboxNotifier } from './inbox.notifier.js';
import { ListNotificationsResolver } from './list-notifications/list-notifications.resolver.js';
import { MarkReadResolver } from './mark-read/mark-read.resolver.js';
import { NotificationReceivedResolver } from './notification-received/notification-received.resolver.js';
import { NotificationsConsumer } from './notifications.consumer.js';
import { UnreadCountResolver } from './unread-count/unread-count.resolver.js';

/** The in-app inbox: its consumer, queries, mutation, subscription and the notifier feeding it. */
export const INBOX_PROVIDERS: Provider[] = [
  ListNotificationsResolver,
  UnreadCountResolver,
  MarkReadResolver,
  NotificationReceivedResolver,
  InboxNotifier,
  NotificationsConsumer,
];
