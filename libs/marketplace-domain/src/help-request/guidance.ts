import type { DeclineReason, HelpKind, RelationshipEvidence } from '@payforward/contracts';
import type { ReferralRequirement } from '../relationship/relationship.rules.js';

/**
 * Every text a seeker reads when the answer is "no" or "not yet", in one place so the tone
 * stays the same: kind, never blaming, and always with a next step the seeker can take.
 * A refused or impossible referral always points to the way in: an advice call first.
 */
export const ADVICE_CALL_FIRST = 'ask for an advice call first';

const DECLINE_GUIDANCE: Record<DeclineReason, string> = {
  NO_CAPACITY:
    'This mentor is at capacity for now. Try again when their capacity renews next period, or ask another mentor who offers the same kind of help.',
  NOT_A_FIT:
    'This mentor does not think they are the best person for this request. Browse offers by topic to find someone whose experience matches your goal.',
  DONT_KNOW_YOU_WELL_ENOUGH: `This mentor does not know you well enough yet to help with this, which is about trust, not about you: ${ADVICE_CALL_FIRST}, and let a good conversation start the relationship.`,
  OTHER:
    'This mentor cannot take this request right now. It is not a judgment of you: try another mentor, or ask again later with a sharper goal.',
};

const REFERRAL_DECLINE_GUIDANCE: Record<DeclineReason, string> = {
  NO_CAPACITY: `This mentor has no room for referrals right now. Try again when their capacity renews; meanwhile, if you do not know each other well yet, ${ADVICE_CALL_FIRST}.`,
  NOT_A_FIT: `This mentor cannot refer you for this role. A referral works only when the mentor can speak to your work: ${ADVICE_CALL_FIRST}, or look for a mentor closer to the team you are aiming for.`,
  DONT_KNOW_YOU_WELL_ENOUGH: `This mentor does not know your work well enough yet to vouch for you. That is how trust works, not a judgment of you: ${ADVICE_CALL_FIRST}.`,
  OTHER: `This mentor cannot make this referral. Referrals rest on knowing someone's work, so ${ADVICE_CALL_FIRST}; it is the surest way toward one.`,
};

export function declineGuidance(reason: DeclineReason, kind: HelpKind): string {
  return (kind === 'REFERRAL' ? REFERRAL_DECLINE_GUIDANCE : DECLINE_GUIDANCE)[reason];
}

export function expiryGuidance(kind: HelpKind): string {
  if (kind === 'REFERRAL') {
    return `Your referral request got no answer within 7 days, so it expired; nobody is penalized. If you do not know this mentor well yet, ${ADVICE_CALL_FIRST}.`;
  }
  return 'Your request got no answer within 7 days, so it expired; nobody is penalized, mentors get busy. Try another mentor who offers the same help, or send a fresh request later.';
}

export const INTRO_DECLINED_GUIDANCE =
  'The person you hoped to meet is not available for an introduction right now. That is their call and says nothing about you: ask the mentor whether someone else in their network could help.';

/** The refusal of a referral request without the relationship it needs, with the next step. */
export function relationshipRequiredMessage(requirement: ReferralRequirement, evidence: RelationshipEvidence | null | undefined): string {
  const have = evidence?.completedEngagementsWithGoodRating ?? 0;
  if (requirement.workedTogetherOnly) {
    return `This mentor refers only people they have worked with, confirmed by both of you. If you have worked together, ask them to attest it; otherwise ${ADVICE_CALL_FIRST}.`;
  }
  const needed = Math.max(1, requirement.minCompletedEngagements);
  if (needed === 1) {
    return `Referrals are only for people a mentor already knows, and you do not have a completed engagement rated 4 or more with this mentor yet: ${ADVICE_CALL_FIRST}.`;
  }
  return `This mentor refers people after ${needed} completed engagements rated 4 or more (or work together confirmed by both of you); you have ${have}. To build toward it, ${ADVICE_CALL_FIRST}.`;
}
