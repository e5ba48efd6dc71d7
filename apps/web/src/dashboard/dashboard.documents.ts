import { graphql } from '../gql';

export const DashboardFields = graphql(`
  fragment DashboardFields on MentorDashboard {
    offers {
      used remaining periodStart periodEnd
      offer { id kind title description topics capacity period durationMinutes status minCompletedEngagements }
    }
    pending {
      id kind goal message createdAt expiresAt durationMinutes
      seeker { id displayName headline }
      offer { id title }
      introTarget { id displayName }
    }
    upcoming {
      id kind goal scheduledAt durationMinutes
      seeker { id displayName contact { email } }
      offer { id title }
    }
    availability { timezone windows { weekday start end } blackoutDates }
  }
`);

export const MentorDashboardDocument = graphql(`
  query MentorDashboard {
    mentorDashboard { ...DashboardFields }
  }
`);

export const DashboardChangedDocument = graphql(`
  subscription DashboardChanged {
    mentorDashboardChanged { ...DashboardFields }
  }
`);

export const AcceptDocument = graphql(`
  mutation AcceptRequest($id: ID!, $at: DateTime) {
    acceptRequest(id: $id, scheduledAt: $at) { id status scheduledAt }
  }
`);

export const DeclineDocument = graphql(`
  mutation DeclineRequest($id: ID!, $reason: DeclineReason!, $note: String) {
    declineRequest(id: $id, reason: $reason, note: $note) { id status }
  }
`);

export const BlockMemberDocument = graphql(`
  mutation BlockMember($memberId: ID!) { blockMember(memberId: $memberId) }
`);
