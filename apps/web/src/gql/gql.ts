/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }\n": typeof types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail { resendVerificationEmail }\n": typeof types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n": typeof types.ResetPasswordDocument,
    "\n  query EmailVerified {\n    me { id emailVerified }\n  }\n": typeof types.EmailVerifiedDocument,
    "\n  query ReputationFlags($status: FlagStatus) {\n    reputationFlags(status: $status) {\n      id kind description evidence status raisedAt coveredPoints requestIds resolutionNote resolvedAt\n      member { id displayName }\n      members { id displayName }\n      resolvedBy { id displayName }\n    }\n  }\n": typeof types.ReputationFlagsDocument,
    "\n  mutation DismissFlag($id: ID!, $note: String!) { dismissFlag(flagId: $id, note: $note) { id status resolutionNote } }\n": typeof types.DismissFlagDocument,
    "\n  mutation ReverseFlag($id: ID!, $note: String!) { reverseFlag(flagId: $id, note: $note) { id status resolutionNote coveredPoints } }\n": typeof types.ReverseFlagDocument,
    "\n  mutation AdjustReputation($memberId: ID!, $points: Int!, $reason: String!) {\n    adjustReputation(memberId: $memberId, points: $points, reason: $reason) { score }\n  }\n": typeof types.AdjustReputationDocument,
    "\n  query MemberHistory($memberId: ID!) {\n    memberHistory(memberId: $memberId) { id type streamId version occurredAt data }\n  }\n": typeof types.MemberHistoryDocument,
    "\n  query Projections {\n    projections { name lagEvents lastEventAt rebuilding rebuiltEvents rebuildTotalEvents rebuildStartedAt rebuildFinishedAt rebuildError }\n  }\n": typeof types.ProjectionsDocument,
    "\n  mutation RebuildProjection($name: String!) { rebuildProjection(name: $name) { name rebuilding } }\n": typeof types.RebuildProjectionDocument,
    "\n  query Leaderboard($first: Int) { leaderboard(first: $first) { score level member { id displayName } } }\n": typeof types.LeaderboardDocument,
    "\n  mutation SetAvailability($input: AvailabilityInput!) {\n    setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates }\n  }\n": typeof types.SetAvailabilityDocument,
    "\n  mutation PublishOffer($input: PublishOfferInput!) { publishOffer(input: $input) { id status } }\n": typeof types.PublishOfferDocument,
    "\n  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id title status } }\n": typeof types.UpdateOfferDocument,
    "mutation PauseOffer($id: ID!) { pauseOffer(id: $id) { id status } }": typeof types.PauseOfferDocument,
    "mutation ResumeOffer($id: ID!) { resumeOffer(id: $id) { id status } }": typeof types.ResumeOfferDocument,
    "mutation RetireOffer($id: ID!) { retireOffer(id: $id) { id status } }": typeof types.RetireOfferDocument,
    "\n  fragment DashboardFields on MentorDashboard {\n    offers {\n      used remaining periodStart periodEnd\n      offer { id kind title description topics capacity period durationMinutes status minCompletedEngagements }\n    }\n    pending {\n      id kind goal message createdAt expiresAt durationMinutes\n      seeker { id displayName headline }\n      offer { id title }\n      introTarget { id displayName }\n    }\n    upcoming {\n      id kind goal scheduledAt durationMinutes\n      seeker { id displayName contact { email } }\n      offer { id title }\n    }\n    availability { timezone windows { weekday start end } blackoutDates }\n  }\n": typeof types.DashboardFieldsFragmentDoc,
    "\n  query MentorDashboard {\n    mentorDashboard { ...DashboardFields }\n  }\n": typeof types.MentorDashboardDocument,
    "\n  subscription DashboardChanged {\n    mentorDashboardChanged { ...DashboardFields }\n  }\n": typeof types.DashboardChangedDocument,
    "\n  mutation AcceptRequest($id: ID!, $at: DateTime) {\n    acceptRequest(id: $id, scheduledAt: $at) { id status scheduledAt }\n  }\n": typeof types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineRequest(id: $id, reason: $reason, note: $note) { id status }\n  }\n": typeof types.DeclineRequestDocument,
    "\n  mutation BlockMember($memberId: ID!) { blockMember(memberId: $memberId) }\n": typeof types.BlockMemberDocument,
    "\n  fragment NotificationFields on Notification {\n    id category text link read createdAt\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      nodes { ...NotificationFields }\n      totalCount endCursor hasNextPage\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived { ...NotificationFields }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  query Offers($filter: OfferFilter, $first: Int, $after: String) {\n    offers(filter: $filter, first: $first, after: $after) {\n      totalCount endCursor hasNextPage\n      nodes { ...OfferSummary }\n    }\n  }\n": typeof types.OffersDocument,
    "\n  fragment OfferSummary on Offer {\n    id kind title description topics capacity period durationMinutes remainingCapacity status\n    mentor { id displayName headline reputation { score level badges } }\n  }\n": typeof types.OfferSummaryFragmentDoc,
    "\n  query Offer($id: ID!) {\n    offer(id: $id) { ...OfferSummary minCompletedEngagements workedTogetherOnly }\n  }\n": typeof types.OfferDocument,
    "\n  query Relationship($mentorId: ID!, $seekerId: ID!) {\n    relationship(mentorId: $mentorId, seekerId: $seekerId) { completedEngagements workedTogether referralEligible }\n  }\n": typeof types.RelationshipDocument,
    "\n  mutation RequestHelp($input: RequestHelpInput!) {\n    requestHelp(input: $input) { id status }\n  }\n": typeof types.RequestHelpDocument,
    "\n  mutation UpdateProfile($displayName: String, $headline: String, $timezone: String) {\n    updateProfile(displayName: $displayName, headline: $headline, timezone: $timezone) { id displayName headline timezone }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation EraseMe($password: String!) { eraseMe(password: $password) }\n": typeof types.EraseMeDocument,
    "\n  fragment LedgerLine on LedgerEntry { id points ruleId ruleVersion sourceEventId reason occurredAt }\n": typeof types.LedgerLineFragmentDoc,
    "\n  query Reputation($memberId: ID!, $first: Int, $after: String) {\n    reputation(memberId: $memberId) {\n      score level badges paidForwardCount\n      member { id displayName headline }\n      ledger(first: $first, after: $after) { totalCount endCursor hasNextPage nodes { ...LedgerLine } }\n    }\n  }\n": typeof types.ReputationDocument,
    "\n  fragment RequestDetails on HelpRequest {\n    id kind status goal message scheduledAt durationMinutes declineReason declineNote guidance\n    vouchStatement referralOutcome introConsent createdAt updatedAt expiresAt\n    offer { id title }\n    mentor { id displayName contact { email } }\n    seeker { id displayName contact { email } }\n    introTarget { id displayName }\n  }\n": typeof types.RequestDetailsFragmentDoc,
    "\n  query MyRequests($as: Party!) {\n    myRequests(as: $as) { ...RequestDetails }\n  }\n": typeof types.MyRequestsDocument,
    "\n  mutation WithdrawRequest($id: ID!) { withdrawRequest(id: $id) { id status } }\n": typeof types.WithdrawRequestDocument,
    "\n  mutation CompleteRequest($id: ID!) { completeRequest(id: $id) { id status } }\n": typeof types.CompleteRequestDocument,
    "\n  mutation ReportNoShow($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { id status } }\n": typeof types.ReportNoShowDocument,
    "\n  mutation LeaveFeedback($id: ID!, $rating: Int!, $note: String) {\n    leaveFeedback(requestId: $id, rating: $rating, note: $note) { id status }\n  }\n": typeof types.LeaveFeedbackDocument,
    "\n  mutation Vouch($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { id vouchStatement } }\n": typeof types.VouchDocument,
    "\n  mutation ReportReferralOutcome($id: ID!, $outcome: ReferralOutcome!) {\n    reportReferralOutcome(requestId: $id, outcome: $outcome) { id referralOutcome }\n  }\n": typeof types.ReportReferralOutcomeDocument,
    "\n  query IntrosAwaitingMe {\n    introsAwaitingMe {\n      id goal message updatedAt\n      offer { id title }\n      mentor { id displayName }\n      seeker { id displayName headline }\n    }\n  }\n": typeof types.IntrosAwaitingMeDocument,
    "\n  mutation RespondToIntro($id: ID!, $consent: Boolean!) {\n    respondToIntro(requestId: $id, consent: $consent) { id status introConsent seeker { id displayName contact { email } } }\n  }\n": typeof types.RespondToIntroDocument,
    "\n  query AttestationsAwaitingMe {\n    attestationsAwaitingMe { mentor { id displayName } attestationContext }\n  }\n": typeof types.AttestationsAwaitingMeDocument,
    "\n  mutation ConfirmWorkedTogether($mentorId: ID!) {\n    confirmWorkedTogether(mentorId: $mentorId) { mentor { id displayName } workedTogether referralEligible }\n  }\n": typeof types.ConfirmWorkedTogetherDocument,
    "\n  mutation AttestWorkedTogether($memberId: ID!, $context: String!) {\n    attestWorkedTogether(memberId: $memberId, context: $context) { seeker { id } workedTogether attestationContext }\n  }\n": typeof types.AttestWorkedTogetherDocument,
    "\n  query IntroContact($id: ID!) {\n    helpRequest(id: $id) { id seeker { id displayName contact { email } } }\n  }\n": typeof types.IntroContactDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) { token member { id displayName } }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token member { id displayName } }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me { id displayName headline timezone roles contact { email } }\n  }\n": typeof types.MeDocument,
    "\n  fragment PreferencesFields on NotificationPreferences {\n    preferences { category email }\n    quietHoursStart quietHoursEnd calendarFeedUrl\n  }\n": typeof types.PreferencesFieldsFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences { ...PreferencesFields }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) { ...PreferencesFields }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  mutation RotateCalendarFeedToken {\n    rotateCalendarFeedToken { ...PreferencesFields }\n  }\n": typeof types.RotateCalendarFeedTokenDocument,
};
const documents: Documents = {
    "\n  mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }\n": types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail { resendVerificationEmail }\n": types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n": types.ResetPasswordDocument,
    "\n  query EmailVerified {\n    me { id emailVerified }\n  }\n": types.EmailVerifiedDocument,
    "\n  query ReputationFlags($status: FlagStatus) {\n    reputationFlags(status: $status) {\n      id kind description evidence status raisedAt coveredPoints requestIds resolutionNote resolvedAt\n      member { id displayName }\n      members { id displayName }\n      resolvedBy { id displayName }\n    }\n  }\n": types.ReputationFlagsDocument,
    "\n  mutation DismissFlag($id: ID!, $note: String!) { dismissFlag(flagId: $id, note: $note) { id status resolutionNote } }\n": types.DismissFlagDocument,
    "\n  mutation ReverseFlag($id: ID!, $note: String!) { reverseFlag(flagId: $id, note: $note) { id status resolutionNote coveredPoints } }\n": types.ReverseFlagDocument,
    "\n  mutation AdjustReputation($memberId: ID!, $points: Int!, $reason: String!) {\n    adjustReputation(memberId: $memberId, points: $points, reason: $reason) { score }\n  }\n": types.AdjustReputationDocument,
    "\n  query MemberHistory($memberId: ID!) {\n    memberHistory(memberId: $memberId) { id type streamId version occurredAt data }\n  }\n": types.MemberHistoryDocument,
    "\n  query Projections {\n    projections { name lagEvents lastEventAt rebuilding rebuiltEvents rebuildTotalEvents rebuildStartedAt rebuildFinishedAt rebuildError }\n  }\n": types.ProjectionsDocument,
    "\n  mutation RebuildProjection($name: String!) { rebuildProjection(name: $name) { name rebuilding } }\n": types.RebuildProjectionDocument,
    "\n  query Leaderboard($first: Int) { leaderboard(first: $first) { score level member { id displayName } } }\n": types.LeaderboardDocument,
    "\n  mutation SetAvailability($input: AvailabilityInput!) {\n    setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates }\n  }\n": types.SetAvailabilityDocument,
    "\n  mutation PublishOffer($input: PublishOfferInput!) { publishOffer(input: $input) { id status } }\n": types.PublishOfferDocument,
    "\n  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id title status } }\n": types.UpdateOfferDocument,
    "mutation PauseOffer($id: ID!) { pauseOffer(id: $id) { id status } }": types.PauseOfferDocument,
    "mutation ResumeOffer($id: ID!) { resumeOffer(id: $id) { id status } }": types.ResumeOfferDocument,
    "mutation RetireOffer($id: ID!) { retireOffer(id: $id) { id status } }": types.RetireOfferDocument,
    "\n  fragment DashboardFields on MentorDashboard {\n    offers {\n      used remaining periodStart periodEnd\n      offer { id kind title description topics capacity period durationMinutes status minCompletedEngagements }\n    }\n    pending {\n      id kind goal message createdAt expiresAt durationMinutes\n      seeker { id displayName headline }\n      offer { id title }\n      introTarget { id displayName }\n    }\n    upcoming {\n      id kind goal scheduledAt durationMinutes\n      seeker { id displayName contact { email } }\n      offer { id title }\n    }\n    availability { timezone windows { weekday start end } blackoutDates }\n  }\n": types.DashboardFieldsFragmentDoc,
    "\n  query MentorDashboard {\n    mentorDashboard { ...DashboardFields }\n  }\n": types.MentorDashboardDocument,
    "\n  subscription DashboardChanged {\n    mentorDashboardChanged { ...DashboardFields }\n  }\n": types.DashboardChangedDocument,
    "\n  mutation AcceptRequest($id: ID!, $at: DateTime) {\n    acceptRequest(id: $id, scheduledAt: $at) { id status scheduledAt }\n  }\n": types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineRequest(id: $id, reason: $reason, note: $note) { id status }\n  }\n": types.DeclineRequestDocument,
    "\n  mutation BlockMember($memberId: ID!) { blockMember(memberId: $memberId) }\n": types.BlockMemberDocument,
    "\n  fragment NotificationFields on Notification {\n    id category text link read createdAt\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      nodes { ...NotificationFields }\n      totalCount endCursor hasNextPage\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationReceived {\n    notificationReceived { ...NotificationFields }\n  }\n": types.NotificationReceivedDocument,
    "\n  query Offers($filter: OfferFilter, $first: Int, $after: String) {\n    offers(filter: $filter, first: $first, after: $after) {\n      totalCount endCursor hasNextPage\n      nodes { ...OfferSummary }\n    }\n  }\n": types.OffersDocument,
    "\n  fragment OfferSummary on Offer {\n    id kind title description topics capacity period durationMinutes remainingCapacity status\n    mentor { id displayName headline reputation { score level badges } }\n  }\n": types.OfferSummaryFragmentDoc,
    "\n  query Offer($id: ID!) {\n    offer(id: $id) { ...OfferSummary minCompletedEngagements workedTogetherOnly }\n  }\n": types.OfferDocument,
    "\n  query Relationship($mentorId: ID!, $seekerId: ID!) {\n    relationship(mentorId: $mentorId, seekerId: $seekerId) { completedEngagements workedTogether referralEligible }\n  }\n": types.RelationshipDocument,
    "\n  mutation RequestHelp($input: RequestHelpInput!) {\n    requestHelp(input: $input) { id status }\n  }\n": types.RequestHelpDocument,
    "\n  mutation UpdateProfile($displayName: String, $headline: String, $timezone: String) {\n    updateProfile(displayName: $displayName, headline: $headline, timezone: $timezone) { id displayName headline timezone }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation EraseMe($password: String!) { eraseMe(password: $password) }\n": types.EraseMeDocument,
    "\n  fragment LedgerLine on LedgerEntry { id points ruleId ruleVersion sourceEventId reason occurredAt }\n": types.LedgerLineFragmentDoc,
    "\n  query Reputation($memberId: ID!, $first: Int, $after: String) {\n    reputation(memberId: $memberId) {\n      score level badges paidForwardCount\n      member { id displayName headline }\n      ledger(first: $first, after: $after) { totalCount endCursor hasNextPage nodes { ...LedgerLine } }\n    }\n  }\n": types.ReputationDocument,
    "\n  fragment RequestDetails on HelpRequest {\n    id kind status goal message scheduledAt durationMinutes declineReason declineNote guidance\n    vouchStatement referralOutcome introConsent createdAt updatedAt expiresAt\n    offer { id title }\n    mentor { id displayName contact { email } }\n    seeker { id displayName contact { email } }\n    introTarget { id displayName }\n  }\n": types.RequestDetailsFragmentDoc,
    "\n  query MyRequests($as: Party!) {\n    myRequests(as: $as) { ...RequestDetails }\n  }\n": types.MyRequestsDocument,
    "\n  mutation WithdrawRequest($id: ID!) { withdrawRequest(id: $id) { id status } }\n": types.WithdrawRequestDocument,
    "\n  mutation CompleteRequest($id: ID!) { completeRequest(id: $id) { id status } }\n": types.CompleteRequestDocument,
    "\n  mutation ReportNoShow($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { id status } }\n": types.ReportNoShowDocument,
    "\n  mutation LeaveFeedback($id: ID!, $rating: Int!, $note: String) {\n    leaveFeedback(requestId: $id, rating: $rating, note: $note) { id status }\n  }\n": types.LeaveFeedbackDocument,
    "\n  mutation Vouch($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { id vouchStatement } }\n": types.VouchDocument,
    "\n  mutation ReportReferralOutcome($id: ID!, $outcome: ReferralOutcome!) {\n    reportReferralOutcome(requestId: $id, outcome: $outcome) { id referralOutcome }\n  }\n": types.ReportReferralOutcomeDocument,
    "\n  query IntrosAwaitingMe {\n    introsAwaitingMe {\n      id goal message updatedAt\n      offer { id title }\n      mentor { id displayName }\n      seeker { id displayName headline }\n    }\n  }\n": types.IntrosAwaitingMeDocument,
    "\n  mutation RespondToIntro($id: ID!, $consent: Boolean!) {\n    respondToIntro(requestId: $id, consent: $consent) { id status introConsent seeker { id displayName contact { email } } }\n  }\n": types.RespondToIntroDocument,
    "\n  query AttestationsAwaitingMe {\n    attestationsAwaitingMe { mentor { id displayName } attestationContext }\n  }\n": types.AttestationsAwaitingMeDocument,
    "\n  mutation ConfirmWorkedTogether($mentorId: ID!) {\n    confirmWorkedTogether(mentorId: $mentorId) { mentor { id displayName } workedTogether referralEligible }\n  }\n": types.ConfirmWorkedTogetherDocument,
    "\n  mutation AttestWorkedTogether($memberId: ID!, $context: String!) {\n    attestWorkedTogether(memberId: $memberId, context: $context) { seeker { id } workedTogether attestationContext }\n  }\n": types.AttestWorkedTogetherDocument,
    "\n  query IntroContact($id: ID!) {\n    helpRequest(id: $id) { id seeker { id displayName contact { email } } }\n  }\n": types.IntroContactDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) { token member { id displayName } }\n  }\n": types.RegisterDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token member { id displayName } }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me { id displayName headline timezone roles contact { email } }\n  }\n": types.MeDocument,
    "\n  fragment PreferencesFields on NotificationPreferences {\n    preferences { category email }\n    quietHoursStart quietHoursEnd calendarFeedUrl\n  }\n": types.PreferencesFieldsFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences { ...PreferencesFields }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) { ...PreferencesFields }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  mutation RotateCalendarFeedToken {\n    rotateCalendarFeedToken { ...PreferencesFields }\n  }\n": types.RotateCalendarFeedTokenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail { resendVerificationEmail }\n"): (typeof documents)["\n  mutation ResendVerificationEmail { resendVerificationEmail }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailVerified {\n    me { id emailVerified }\n  }\n"): (typeof documents)["\n  query EmailVerified {\n    me { id emailVerified }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReputationFlags($status: FlagStatus) {\n    reputationFlags(status: $status) {\n      id kind description evidence status raisedAt coveredPoints requestIds resolutionNote resolvedAt\n      member { id displayName }\n      members { id displayName }\n      resolvedBy { id displayName }\n    }\n  }\n"): (typeof documents)["\n  query ReputationFlags($status: FlagStatus) {\n    reputationFlags(status: $status) {\n      id kind description evidence status raisedAt coveredPoints requestIds resolutionNote resolvedAt\n      member { id displayName }\n      members { id displayName }\n      resolvedBy { id displayName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissFlag($id: ID!, $note: String!) { dismissFlag(flagId: $id, note: $note) { id status resolutionNote } }\n"): (typeof documents)["\n  mutation DismissFlag($id: ID!, $note: String!) { dismissFlag(flagId: $id, note: $note) { id status resolutionNote } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReverseFlag($id: ID!, $note: String!) { reverseFlag(flagId: $id, note: $note) { id status resolutionNote coveredPoints } }\n"): (typeof documents)["\n  mutation ReverseFlag($id: ID!, $note: String!) { reverseFlag(flagId: $id, note: $note) { id status resolutionNote coveredPoints } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustReputation($memberId: ID!, $points: Int!, $reason: String!) {\n    adjustReputation(memberId: $memberId, points: $points, reason: $reason) { score }\n  }\n"): (typeof documents)["\n  mutation AdjustReputation($memberId: ID!, $points: Int!, $reason: String!) {\n    adjustReputation(memberId: $memberId, points: $points, reason: $reason) { score }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberHistory($memberId: ID!) {\n    memberHistory(memberId: $memberId) { id type streamId version occurredAt data }\n  }\n"): (typeof documents)["\n  query MemberHistory($memberId: ID!) {\n    memberHistory(memberId: $memberId) { id type streamId version occurredAt data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projections {\n    projections { name lagEvents lastEventAt rebuilding rebuiltEvents rebuildTotalEvents rebuildStartedAt rebuildFinishedAt rebuildError }\n  }\n"): (typeof documents)["\n  query Projections {\n    projections { name lagEvents lastEventAt rebuilding rebuiltEvents rebuildTotalEvents rebuildStartedAt rebuildFinishedAt rebuildError }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebuildProjection($name: String!) { rebuildProjection(name: $name) { name rebuilding } }\n"): (typeof documents)["\n  mutation RebuildProjection($name: String!) { rebuildProjection(name: $name) { name rebuilding } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Leaderboard($first: Int) { leaderboard(first: $first) { score level member { id displayName } } }\n"): (typeof documents)["\n  query Leaderboard($first: Int) { leaderboard(first: $first) { score level member { id displayName } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAvailability($input: AvailabilityInput!) {\n    setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates }\n  }\n"): (typeof documents)["\n  mutation SetAvailability($input: AvailabilityInput!) {\n    setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishOffer($input: PublishOfferInput!) { publishOffer(input: $input) { id status } }\n"): (typeof documents)["\n  mutation PublishOffer($input: PublishOfferInput!) { publishOffer(input: $input) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id title status } }\n"): (typeof documents)["\n  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id title status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PauseOffer($id: ID!) { pauseOffer(id: $id) { id status } }"): (typeof documents)["mutation PauseOffer($id: ID!) { pauseOffer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResumeOffer($id: ID!) { resumeOffer(id: $id) { id status } }"): (typeof documents)["mutation ResumeOffer($id: ID!) { resumeOffer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RetireOffer($id: ID!) { retireOffer(id: $id) { id status } }"): (typeof documents)["mutation RetireOffer($id: ID!) { retireOffer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardFields on MentorDashboard {\n    offers {\n      used remaining periodStart periodEnd\n      offer { id kind title description topics capacity period durationMinutes status minCompletedEngagements }\n    }\n    pending {\n      id kind goal message createdAt expiresAt durationMinutes\n      seeker { id displayName headline }\n      offer { id title }\n      introTarget { id displayName }\n    }\n    upcoming {\n      id kind goal scheduledAt durationMinutes\n      seeker { id displayName contact { email } }\n      offer { id title }\n    }\n    availability { timezone windows { weekday start end } blackoutDates }\n  }\n"): (typeof documents)["\n  fragment DashboardFields on MentorDashboard {\n    offers {\n      used remaining periodStart periodEnd\n      offer { id kind title description topics capacity period durationMinutes status minCompletedEngagements }\n    }\n    pending {\n      id kind goal message createdAt expiresAt durationMinutes\n      seeker { id displayName headline }\n      offer { id title }\n      introTarget { id displayName }\n    }\n    upcoming {\n      id kind goal scheduledAt durationMinutes\n      seeker { id displayName contact { email } }\n      offer { id title }\n    }\n    availability { timezone windows { weekday start end } blackoutDates }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorDashboard {\n    mentorDashboard { ...DashboardFields }\n  }\n"): (typeof documents)["\n  query MentorDashboard {\n    mentorDashboard { ...DashboardFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DashboardChanged {\n    mentorDashboardChanged { ...DashboardFields }\n  }\n"): (typeof documents)["\n  subscription DashboardChanged {\n    mentorDashboardChanged { ...DashboardFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptRequest($id: ID!, $at: DateTime) {\n    acceptRequest(id: $id, scheduledAt: $at) { id status scheduledAt }\n  }\n"): (typeof documents)["\n  mutation AcceptRequest($id: ID!, $at: DateTime) {\n    acceptRequest(id: $id, scheduledAt: $at) { id status scheduledAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineRequest($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineRequest(id: $id, reason: $reason, note: $note) { id status }\n  }\n"): (typeof documents)["\n  mutation DeclineRequest($id: ID!, $reason: DeclineReason!, $note: String) {\n    declineRequest(id: $id, reason: $reason, note: $note) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockMember($memberId: ID!) { blockMember(memberId: $memberId) }\n"): (typeof documents)["\n  mutation BlockMember($memberId: ID!) { blockMember(memberId: $memberId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id category text link read createdAt\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id category text link read createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      nodes { ...NotificationFields }\n      totalCount endCursor hasNextPage\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) {\n      nodes { ...NotificationFields }\n      totalCount endCursor hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived {\n    notificationReceived { ...NotificationFields }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived {\n    notificationReceived { ...NotificationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Offers($filter: OfferFilter, $first: Int, $after: String) {\n    offers(filter: $filter, first: $first, after: $after) {\n      totalCount endCursor hasNextPage\n      nodes { ...OfferSummary }\n    }\n  }\n"): (typeof documents)["\n  query Offers($filter: OfferFilter, $first: Int, $after: String) {\n    offers(filter: $filter, first: $first, after: $after) {\n      totalCount endCursor hasNextPage\n      nodes { ...OfferSummary }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OfferSummary on Offer {\n    id kind title description topics capacity period durationMinutes remainingCapacity status\n    mentor { id displayName headline reputation { score level badges } }\n  }\n"): (typeof documents)["\n  fragment OfferSummary on Offer {\n    id kind title description topics capacity period durationMinutes remainingCapacity status\n    mentor { id displayName headline reputation { score level badges } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Offer($id: ID!) {\n    offer(id: $id) { ...OfferSummary minCompletedEngagements workedTogetherOnly }\n  }\n"): (typeof documents)["\n  query Offer($id: ID!) {\n    offer(id: $id) { ...OfferSummary minCompletedEngagements workedTogetherOnly }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Relationship($mentorId: ID!, $seekerId: ID!) {\n    relationship(mentorId: $mentorId, seekerId: $seekerId) { completedEngagements workedTogether referralEligible }\n  }\n"): (typeof documents)["\n  query Relationship($mentorId: ID!, $seekerId: ID!) {\n    relationship(mentorId: $mentorId, seekerId: $seekerId) { completedEngagements workedTogether referralEligible }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestHelp($input: RequestHelpInput!) {\n    requestHelp(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation RequestHelp($input: RequestHelpInput!) {\n    requestHelp(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($displayName: String, $headline: String, $timezone: String) {\n    updateProfile(displayName: $displayName, headline: $headline, timezone: $timezone) { id displayName headline timezone }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($displayName: String, $headline: String, $timezone: String) {\n    updateProfile(displayName: $displayName, headline: $headline, timezone: $timezone) { id displayName headline timezone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseMe($password: String!) { eraseMe(password: $password) }\n"): (typeof documents)["\n  mutation EraseMe($password: String!) { eraseMe(password: $password) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LedgerLine on LedgerEntry { id points ruleId ruleVersion sourceEventId reason occurredAt }\n"): (typeof documents)["\n  fragment LedgerLine on LedgerEntry { id points ruleId ruleVersion sourceEventId reason occurredAt }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reputation($memberId: ID!, $first: Int, $after: String) {\n    reputation(memberId: $memberId) {\n      score level badges paidForwardCount\n      member { id displayName headline }\n      ledger(first: $first, after: $after) { totalCount endCursor hasNextPage nodes { ...LedgerLine } }\n    }\n  }\n"): (typeof documents)["\n  query Reputation($memberId: ID!, $first: Int, $after: String) {\n    reputation(memberId: $memberId) {\n      score level badges paidForwardCount\n      member { id displayName headline }\n      ledger(first: $first, after: $after) { totalCount endCursor hasNextPage nodes { ...LedgerLine } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestDetails on HelpRequest {\n    id kind status goal message scheduledAt durationMinutes declineReason declineNote guidance\n    vouchStatement referralOutcome introConsent createdAt updatedAt expiresAt\n    offer { id title }\n    mentor { id displayName contact { email } }\n    seeker { id displayName contact { email } }\n    introTarget { id displayName }\n  }\n"): (typeof documents)["\n  fragment RequestDetails on HelpRequest {\n    id kind status goal message scheduledAt durationMinutes declineReason declineNote guidance\n    vouchStatement referralOutcome introConsent createdAt updatedAt expiresAt\n    offer { id title }\n    mentor { id displayName contact { email } }\n    seeker { id displayName contact { email } }\n    introTarget { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRequests($as: Party!) {\n    myRequests(as: $as) { ...RequestDetails }\n  }\n"): (typeof documents)["\n  query MyRequests($as: Party!) {\n    myRequests(as: $as) { ...RequestDetails }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawRequest($id: ID!) { withdrawRequest(id: $id) { id status } }\n"): (typeof documents)["\n  mutation WithdrawRequest($id: ID!) { withdrawRequest(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteRequest($id: ID!) { completeRequest(id: $id) { id status } }\n"): (typeof documents)["\n  mutation CompleteRequest($id: ID!) { completeRequest(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportNoShow($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { id status } }\n"): (typeof documents)["\n  mutation ReportNoShow($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveFeedback($id: ID!, $rating: Int!, $note: String) {\n    leaveFeedback(requestId: $id, rating: $rating, note: $note) { id status }\n  }\n"): (typeof documents)["\n  mutation LeaveFeedback($id: ID!, $rating: Int!, $note: String) {\n    leaveFeedback(requestId: $id, rating: $rating, note: $note) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Vouch($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { id vouchStatement } }\n"): (typeof documents)["\n  mutation Vouch($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { id vouchStatement } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportReferralOutcome($id: ID!, $outcome: ReferralOutcome!) {\n    reportReferralOutcome(requestId: $id, outcome: $outcome) { id referralOutcome }\n  }\n"): (typeof documents)["\n  mutation ReportReferralOutcome($id: ID!, $outcome: ReferralOutcome!) {\n    reportReferralOutcome(requestId: $id, outcome: $outcome) { id referralOutcome }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntrosAwaitingMe {\n    introsAwaitingMe {\n      id goal message updatedAt\n      offer { id title }\n      mentor { id displayName }\n      seeker { id displayName headline }\n    }\n  }\n"): (typeof documents)["\n  query IntrosAwaitingMe {\n    introsAwaitingMe {\n      id goal message updatedAt\n      offer { id title }\n      mentor { id displayName }\n      seeker { id displayName headline }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToIntro($id: ID!, $consent: Boolean!) {\n    respondToIntro(requestId: $id, consent: $consent) { id status introConsent seeker { id displayName contact { email } } }\n  }\n"): (typeof documents)["\n  mutation RespondToIntro($id: ID!, $consent: Boolean!) {\n    respondToIntro(requestId: $id, consent: $consent) { id status introConsent seeker { id displayName contact { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AttestationsAwaitingMe {\n    attestationsAwaitingMe { mentor { id displayName } attestationContext }\n  }\n"): (typeof documents)["\n  query AttestationsAwaitingMe {\n    attestationsAwaitingMe { mentor { id displayName } attestationContext }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmWorkedTogether($mentorId: ID!) {\n    confirmWorkedTogether(mentorId: $mentorId) { mentor { id displayName } workedTogether referralEligible }\n  }\n"): (typeof documents)["\n  mutation ConfirmWorkedTogether($mentorId: ID!) {\n    confirmWorkedTogether(mentorId: $mentorId) { mentor { id displayName } workedTogether referralEligible }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttestWorkedTogether($memberId: ID!, $context: String!) {\n    attestWorkedTogether(memberId: $memberId, context: $context) { seeker { id } workedTogether attestationContext }\n  }\n"): (typeof documents)["\n  mutation AttestWorkedTogether($memberId: ID!, $context: String!) {\n    attestWorkedTogether(memberId: $memberId, context: $context) { seeker { id } workedTogether attestationContext }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntroContact($id: ID!) {\n    helpRequest(id: $id) { id seeker { id displayName contact { email } } }\n  }\n"): (typeof documents)["\n  query IntroContact($id: ID!) {\n    helpRequest(id: $id) { id seeker { id displayName contact { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) { token member { id displayName } }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) { token member { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token member { id displayName } }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) { token member { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id displayName headline timezone roles contact { email } }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id displayName headline timezone roles contact { email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreferencesFields on NotificationPreferences {\n    preferences { category email }\n    quietHoursStart quietHoursEnd calendarFeedUrl\n  }\n"): (typeof documents)["\n  fragment PreferencesFields on NotificationPreferences {\n    preferences { category email }\n    quietHoursStart quietHoursEnd calendarFeedUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences { ...PreferencesFields }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences { ...PreferencesFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) { ...PreferencesFields }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) { ...PreferencesFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCalendarFeedToken {\n    rotateCalendarFeedToken { ...PreferencesFields }\n  }\n"): (typeof documents)["\n  mutation RotateCalendarFeedToken {\n    rotateCalendarFeedToken { ...PreferencesFields }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;