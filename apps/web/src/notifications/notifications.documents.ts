import { graphql } from '../gql';

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id category text link read createdAt
  }
`);

export const UnreadCountDocument = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsDocument = graphql(`
  query Notifications($first: Int, $after: String) {
    notifications(first: $first, after: $after) {
      nodes { ...NotificationFields }
      totalCount endCursor hasNextPage
    }
  }
`);

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all)
  }
`);

export const NotificationReceivedDocument = graphql(`
  subscription NotificationReceived {
    notificationReceived { ...NotificationFields }
  }
`);
