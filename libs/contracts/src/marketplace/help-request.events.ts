import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { sealable } from '../personal-data.js';
import { TOPICS } from '../topics.js';
import {
  declineReasonSchema,
  helpKindSchema,
  partySchema,
  periodKeySchema,
  referralOutcomeSchema,
  relationshipEvidenceSchema,
} from './marketplace.enums.js';

/** Streams of the help-request aggregate are named `help-request-<requestId>`. */
export const helpRequestStreamId = (requestId: string): string => `help-request-${requestId}`;

/**
 * Every help-request event names the request, its offer, both parties and the kind, so a
 * projection (reputation, dashboards) never has to look anything up to use an event.
 */
const ids = {
  requestId: z.uuid(),
  offerId: z.uuid(),
  mentorId: z.uuid(),
  seekerId: z.uuid(),
  kind: helpKindSchema,
};
const at = z.iso.datetime();

export const helpRequestSubmittedData = z.object({
  ...ids,
  /** message and goal are sealed with the seeker's key (personal-data.ts). */
  message: sealable(z.string().min(50).max(2000)),
  goal: sealable(z.string().min(10).max(300)),
  /** INTRO only: the member the seeker hopes to meet. */
  introTargetId: z.uuid().nullable(),
  /** Scheduled kinds only: the offer's call length when the request was made. */
  durationMinutes: z.number().int().min(15).max(180).nullable(),
  /** REFERRAL only: the offer's requirement and the evidence that met it at submission. */
  referral: z
    .object({
      minCompletedEngagements: z.number().int().min(1),
      workedTogetherOnly: z.boolean(),
      evidence: relationshipEvidenceSchema,
    })
    .nullable(),
  submittedAt: at,
  /** Unanswered by then, the request expires (7 days after submission). */
  expiresAt: at,
});

export const helpRequestAcceptedData = z.object({
  ...ids,
  /** Scheduled kinds only: the session's start (UTC). */
  scheduledAt: at.nullable(),
  durationMinutes: z.number().int().min(15).max(180).nullable(),
  /** The capacity period the acceptance was counted in (its reservation lives in that ledger). */
  capacityPeriodKey: periodKeySchema,
  acceptedAt: at,
});

export const helpRequestDeclinedData = z.object({
  ...ids,
  reason: declineReasonSchema,
  /** Sealed with the mentor's key. */
  note: sealable(z.string().max(500)).nullable(),
  /** A kind, actionable sentence for the seeker. */
  guidance: z.string().min(1),
  declinedAt: at,
});

export const helpRequestWithdrawnData = z.object({ ...ids, withdrawnAt: at });

/** No answer within 7 days: nobody is penalized (reputation gives 0). */
export const helpRequestExpiredData = z.object({ ...ids, guidance: z.string().min(1), expiredAt: at });

export const helpRequestCompletedData = z.object({
  ...ids,
  scheduledAt: at.nullable(),
  completedAt: at,
});

export const noShowReportedData = z.object({
  ...ids,
  /** The party that did not show up (reputation: −5 seeker, −10 mentor). */
  absent: partySchema,
  reportedBy: partySchema,
  scheduledAt: at.nullable(),
  reportedAt: at,
});

export const feedbackLeftData = z.object({
  ...ids,
  /** The side that wrote the feedback: SEEKER rates the help received, MENTOR the engagement. */
  side: partySchema,
  rating: z.number().int().min(1).max(5),
  /** Sealed with the key of the side that wrote it. */
  note: sealable(z.string().max(1000)).nullable(),
  leftAt: at,
});

export const referralVouchedData = z.object({
  ...ids,
  /** Sealed with the mentor's key. */
  statement: sealable(z.string().min(20).max(1000)),
  /** The relationship the referral rests on (DESIGN §2.4). */
  basis: relationshipEvidenceSchema,
  vouchedAt: at,
});

export const referralOutcomeReportedData = z.object({ ...ids, outcome: referralOutcomeSchema, reportedAt: at });

export const introConsentedData = z.object({
  ...ids,
  introTargetId: z.uuid(),
  consent: z.literal(true),
  respondedAt: at,
});

/** The target said no: the request ends (DECLINED) kindly and its capacity goes back to the mentor. */
export const introDeclinedData = z.object({
  ...ids,
  introTargetId: z.uuid(),
  consent: z.literal(false),
  guidance: z.string().min(1),
  capacityPeriodKey: periodKeySchema,
  respondedAt: at,
});

export type HelpRequestSubmittedData = z.infer<typeof helpRequestSubmittedData>;
export type HelpRequestAcceptedData = z.infer<typeof helpRequestAcceptedData>;
export type HelpRequestDeclinedData = z.infer<typeof helpRequestDeclinedData>;
export type HelpRequestWithdrawnData = z.infer<typeof helpRequestWithdrawnData>;
export type HelpRequestExpiredData = z.infer<typeof helpRequestExpiredData>;
export type HelpRequestCompletedData = z.infer<typeof helpRequestCompletedData>;
export type NoShowReportedData = z.infer<typeof noShowReportedData>;
export type FeedbackLeftData = z.infer<typeof feedbackLeftData>;
export type ReferralVouchedData = z.infer<typeof referralVouchedData>;
export type ReferralOutcomeReportedData = z.infer<typeof referralOutcomeReportedData>;
export type IntroConsentedData = z.infer<typeof introConsentedData>;
export type IntroDeclinedData = z.infer<typeof introDeclinedData>;

export const HelpRequestEventTypes = {
  HelpRequestSubmitted: 'HelpRequestSubmitted',
  HelpRequestAccepted: 'HelpRequestAccepted',
  HelpRequestDeclined: 'HelpRequestDeclined',
  HelpRequestWithdrawn: 'HelpRequestWithdrawn',
  HelpRequestExpired: 'HelpRequestExpired',
  HelpRequestCompleted: 'HelpRequestCompleted',
  NoShowReported: 'NoShowReported',
  FeedbackLeft: 'FeedbackLeft',
  ReferralVouched: 'ReferralVouched',
  ReferralOutcomeReported: 'ReferralOutcomeReported',
  IntroConsented: 'IntroConsented',
  IntroDeclined: 'IntroDeclined',
} as const;

export type HelpRequestSubmitted = DomainEvent<'HelpRequestSubmitted', HelpRequestSubmittedData>;
export type HelpRequestAccepted = DomainEvent<'HelpRequestAccepted', HelpRequestAcceptedData>;
export type HelpRequestDeclined = DomainEvent<'HelpRequestDeclined', HelpRequestDeclinedData>;
export type HelpRequestWithdrawn = DomainEvent<'HelpRequestWithdrawn', HelpRequestWithdrawnData>;
export type HelpRequestExpired = DomainEvent<'HelpRequestExpired', HelpRequestExpiredData>;
export type HelpRequestCompleted = DomainEvent<'HelpRequestCompleted', HelpRequestCompletedData>;
export type NoShowReported = DomainEvent<'NoShowReported', NoShowReportedData>;
export type FeedbackLeft = DomainEvent<'FeedbackLeft', FeedbackLeftData>;
export type ReferralVouched = DomainEvent<'ReferralVouched', ReferralVouchedData>;
export type ReferralOutcomeReported = DomainEvent<'ReferralOutcomeReported', ReferralOutcomeReportedData>;
export type IntroConsented = DomainEvent<'IntroConsented', IntroConsentedData>;
export type IntroDeclined = DomainEvent<'IntroDeclined', IntroDeclinedData>;
export type HelpRequestEvent =
  | HelpRequestSubmitted
  | HelpRequestAccepted
  | HelpRequestDeclined
  | HelpRequestWithdrawn
  | HelpRequestExpired
  | HelpRequestCompleted
  | NoShowReported
  | FeedbackLeft
  | ReferralVouched
  | ReferralOutcomeReported
  | IntroConsented
  | IntroDeclined;

const onTopic = (schema: z.ZodType) => ({ topic: TOPICS.marketplaceHelpRequest, schemaVersion: 1, integration: true, schema }) as const;

export const helpRequestEventCatalog = {
  [HelpRequestEventTypes.HelpRequestSubmitted]: onTopic(helpRequestSubmittedData),
  [HelpRequestEventTypes.HelpRequestAccepted]: onTopic(helpRequestAcceptedData),
  [HelpRequestEventTypes.HelpRequestDeclined]: onTopic(helpRequestDeclinedData),
  [HelpRequestEventTypes.HelpRequestWithdrawn]: onTopic(helpRequestWithdrawnData),
  [HelpRequestEventTypes.HelpRequestExpired]: onTopic(helpRequestExpiredData),
  [HelpRequestEventTypes.HelpRequestCompleted]: onTopic(helpRequestCompletedData),
  [HelpRequestEventTypes.NoShowReported]: onTopic(noShowReportedData),
  [HelpRequestEventTypes.FeedbackLeft]: onTopic(feedbackLeftData),
  [HelpRequestEventTypes.ReferralVouched]: onTopic(referralVouchedData),
  [HelpRequestEventTypes.ReferralOutcomeReported]: onTopic(referralOutcomeReportedData),
  [HelpRequestEventTypes.IntroConsented]: onTopic(introConsentedData),
  [HelpRequestEventTypes.IntroDeclined]: onTopic(introDeclinedData),
};
