import { graphql } from '../gql';

export const PreferencesFields = graphql(`
  fragment PreferencesFields on NotificationPreferences {
    preferences { category email }
    quietHoursStart quietHoursEnd calendarFeedUrl
  }
`);

export const NotificationPreferencesDocument = graphql(`
  query NotificationPreferences {
    notificationPreferences { ...PreferencesFields }
  }
`);

export const UpdateNotificationPreferencesDocument = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) { ...PreferencesFields }
  }
`);

export const RotateCalendarFeedTokenDocument = graphql(`
  mutation RotateCalendarFeedToken {
    rotateCalendarFeedToken { ...PreferencesFields }
  }
`);
