import { graphql } from '../gql';

export const RequestDetails = graphql(`
  fragment RequestDetails on HelpRequest {
    id kind status goal message scheduledAt durationMinutes declineReason declineNote guidance
    vouchStatement referralOutcome introConsent createdAt updatedAt expiresAt
    offer { id title }
    mentor { id displayName contact { email } }
    seeker { id displayName contact { email } }
    introTarget { id displayName }
  }
`);

export const MyRequestsDocument = graphql(`
  query MyRequests($as: Party!) {
    myRequests(as: $as) { ...RequestDetails }
  }
`);

export const WithdrawDocument = graphql(`
  mutation WithdrawRequest($id: ID!) { withdrawRequest(id: $id) { id status } }
`);

export const CompleteDocument = graphql(`
  mutation CompleteRequest($id: ID!) { completeRequest(id: $id) { id status } }
`);

export const NoShowDocument = graphql(`
  mutation ReportNoShow($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { id status } }
`);

export const FeedbackDocument = graphql(`
  mutation LeaveFeedback($id: ID!, $rating: Int!, $note: String) {
    leaveFeedback(requestId: $id, rating: $rating, note: $note) { id status }
  }
`);

export const VouchDocument = graphql(`
  mutation Vouch($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { id vouchStatement } }
`);

export const OutcomeDocument = graphql(`
  mutation ReportReferralOutcome($id: ID!, $outcome: ReferralOutcome!) {
    reportReferralOutcome(requestId: $id, outcome: $outcome) { id referralOutcome }
  }
`);
