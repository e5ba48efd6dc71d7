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

/** Intros the viewer is the target of, accepted by the mentor and waiting for their yes or no. */
export const IntrosAwaitingMeDocument = graphql(`
  query IntrosAwaitingMe {
    introsAwaitingMe {
      id goal message updatedAt
      offer { id title }
      mentor { id displayName }
      seeker { id displayName headline }
    }
  }
`);

export const RespondToIntroDocument = graphql(`
  mutation RespondToIntro($id: ID!, $consent: Boolean!) {
    respondToIntro(requestId: $id, consent: $consent) { id status introConsent seeker { id displayName contact { email } } }
  }
`);

/** Worked-together attestations naming the viewer that they have not confirmed yet. */
export const AttestationsAwaitingMeDocument = graphql(`
  query AttestationsAwaitingMe {
    attestationsAwaitingMe { mentor { id displayName } attestationContext }
  }
`);

export const ConfirmWorkedTogetherDocument = graphql(`
  mutation ConfirmWorkedTogether($mentorId: ID!) {
    confirmWorkedTogether(mentorId: $mentorId) { mentor { id displayName } workedTogether referralEligible }
  }
`);

export const AttestWorkedTogetherDocument = graphql(`
  mutation AttestWorkedTogether($memberId: ID!, $context: String!) {
    attestWorkedTogether(memberId: $memberId, context: $context) { seeker { id } workedTogether attestationContext }
  }
`);

/** After a yes: the seeker's e-mail arrives a moment later (identity grants it from the consent event). */
export const IntroContactDocument = graphql(`
  query IntroContact($id: ID!) {
    helpRequest(id: $id) { id seeker { id displayName contact { email } } }
  }
`);
