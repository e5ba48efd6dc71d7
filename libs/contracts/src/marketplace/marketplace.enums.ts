import { z } from 'zod';

/**
 * The marketplace's enumerations, shared by events, the domain and the GraphQL layer so a
 * value accepted by the API is by construction a value the events can carry (names and
 * members mirror api-contract.graphql).
 */
export const HELP_KINDS = ['ADVICE_CALL', 'RESUME_REVIEW', 'MOCK_INTERVIEW', 'INTRO', 'REFERRAL'] as const;
export const helpKindSchema = z.enum(HELP_KINDS);
export type HelpKind = z.infer<typeof helpKindSchema>;

/** Kinds that happen at a time both sides show up to, so they need a duration and a slot. */
export const SCHEDULED_KINDS: readonly HelpKind[] = ['ADVICE_CALL', 'MOCK_INTERVIEW'];
export const isScheduledKind = (kind: HelpKind): boolean => SCHEDULED_KINDS.includes(kind);

export const CAPACITY_PERIODS = ['WEEK', 'MONTH'] as const;
export const capacityPeriodSchema = z.enum(CAPACITY_PERIODS);
export type CapacityPeriod = z.infer<typeof capacityPeriodSchema>;

export const OFFER_STATUSES = ['ACTIVE', 'PAUSED', 'RETIRED'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const REQUEST_STATUSES = ['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'COMPLETED', 'NO_SHOW'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** No status change leaves these (feedback and referral outcomes may still be recorded on COMPLETED). */
export const TERMINAL_REQUEST_STATUSES: readonly RequestStatus[] = ['DECLINED', 'WITHDRAWN', 'EXPIRED', 'COMPLETED', 'NO_SHOW'];

export const DECLINE_REASONS = ['NO_CAPACITY', 'NOT_A_FIT', 'DONT_KNOW_YOU_WELL_ENOUGH', 'OTHER'] as const;
export const declineReasonSchema = z.enum(DECLINE_REASONS);
export type DeclineReason = z.infer<typeof declineReasonSchema>;

export const REFERRAL_OUTCOMES = ['INTERVIEWED', 'HIRED', 'NOT_SELECTED'] as const;
export const referralOutcomeSchema = z.enum(REFERRAL_OUTCOMES);
export type ReferralOutcome = z.infer<typeof referralOutcomeSchema>;

export const PARTIES = ['SEEKER', 'MENTOR'] as const;
export const partySchema = z.enum(PARTIES);
export type Party = z.infer<typeof partySchema>;

/** Capacity period keys: ISO week `2026-W48` or calendar month `2026-11`, both in UTC. */
export const periodKeySchema = z.string().regex(/^\d{4}-(W\d{2}|\d{2})$/, 'period key must look like 2026-W48 or 2026-11');

/**
 * What a referral rests on (DESIGN §2.4), as the marketplace's relationship read model saw it:
 * completed engagements between the pair rated ≥ 4 by either side, and whether a worked-together
 * attestation by the mentor was confirmed by the seeker.
 */
export const relationshipEvidenceSchema = z.object({
  completedEngagementsWithGoodRating: z.number().int().min(0),
  workedTogetherConfirmed: z.boolean(),
});
export type RelationshipEvidence = z.infer<typeof relationshipEvidenceSchema>;
