import type { HelpRequestEvent, RelationshipEvidence, WorkedTogetherEvent } from '@payforward/contracts';

/** An engagement counts toward a referral when either side rated it at least this. */
export const GOOD_RATING = 4;

export interface ReferralRequirement {
  /** At least this many completed, well-rated engagements (never below 1). */
  minCompletedEngagements: number;
  /** Only a confirmed worked-together attestation will do (a mentor's stricter condition). */
  workedTogetherOnly?: boolean;
}

/**
 * DESIGN §2.4: mentor M may refer seeker S when M and S completed at least N engagements (M as
 * mentor) that either side rated ≥ 4, or when M attested that they worked together and S
 * confirmed it. The requirement is clamped to at least 1: nothing can make a blind referral
 * eligible — that is the product's core invariant.
 */
export function referralEligible(
  evidence: RelationshipEvidence | null | undefined,
  minCompletedEngagements = 1,
  options: { workedTogetherOnly?: boolean } = {},
): boolean {
  if (!evidence) return false;
  if (evidence.workedTogetherConfirmed) return true;
  if (options.workedTogetherOnly) return false;
  const required = Math.max(1, Number.isFinite(minCompletedEngagements) ? Math.ceil(minCompletedEngagements) : 1);
  return evidence.completedEngagementsWithGoodRating >= required;
}

export const meetsRequirement = (evidence: RelationshipEvidence | null | undefined, requirement: ReferralRequirement): boolean =>
  referralEligible(evidence, requirement.minCompletedEngagements, { workedTogetherOnly: requirement.workedTogetherOnly ?? false });

/**
 * The relationship evidence between one mentor and one seeker, folded from the events that
 * make it: completions and feedback of their requests (M as mentor, S as seeker) and the
 * pair's worked-together attestation. The read model stores the same figures in a table; this
 * is the reference the read model and the tests agree on. Event order does not matter.
 */
export function relationshipEvidenceFrom(
  events: Iterable<HelpRequestEvent | WorkedTogetherEvent>,
  mentorId: string,
  seekerId: string,
): RelationshipEvidence {
  const completed = new Set<string>();
  const wellRated = new Set<string>();
  let attested = false;
  let confirmed = false;
  for (const event of events) {
    if (event.data.mentorId !== mentorId || event.data.seekerId !== seekerId) continue;
    if (event.type === 'HelpRequestCompleted') completed.add(event.data.requestId);
    else if (event.type === 'FeedbackLeft' && event.data.rating >= GOOD_RATING) wellRated.add(event.data.requestId);
    else if (event.type === 'WorkedTogetherAttested') attested = true;
    else if (event.type === 'WorkedTogetherConfirmed') confirmed = true;
  }
  return {
    completedEngagementsWithGoodRating: [...completed].filter((id) => wellRated.has(id)).length,
    workedTogetherConfirmed: attested && confirmed,
  };
}
