import { badInput, DomainError, isScheduledKind, type HelpKind, type HelpRequestEvent, type OfferStatus, type RelationshipEvidence } from '@payforward/contracts';
import { meetsRequirement } from '../relationship/relationship.rules.js';
import { boundedText, DAY_MS, iso } from '../shared/input.rules.js';
import { relationshipRequiredMessage } from './guidance.js';
import { REQUEST_RULES } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';
import type { OfferState } from '../offer/offer.state.js';

/** What the request needs to know about its offer at submission. */
export interface OfferSnapshot {
  offerId: string;
  mentorId: string;
  kind: HelpKind;
  status: OfferStatus;
  durationMinutes: number | null;
  minCompletedEngagements: number | null;
  workedTogetherOnly: boolean;
}

/** The snapshot a submit handler passes, from the offer's folded state (null: no such offer). */
export function offerSnapshotOf(state: OfferState): OfferSnapshot | null {
  if (state.status === 'NONE') return null;
  const { offerId, mentorId, kind, durationMinutes, minCompletedEngagements, workedTogetherOnly } = state.offer;
  return { offerId, mentorId, kind, status: state.status, durationMinutes, minCompletedEngagements, workedTogetherOnly };
}

export interface SubmitHelpRequest {
  type: 'SubmitHelpRequest';
  data: {
    requestId: string;
    seekerId: string;
    offer: OfferSnapshot;
    message: string;
    goal: string;
    introTargetId?: string | null;
    /** Whether the offer's mentor blocked this seeker. */
    seekerBlocked: boolean;
    /** REFERRAL: the pair's evidence from the relationship read model (absent = none). */
    relationship?: RelationshipEvidence | null;
    /** INTRO: whether `introTargetId` names an existing member. */
    introTargetExists?: boolean;
    now: Date;
  };
}

const NO_EVIDENCE: RelationshipEvidence = { completedEngagementsWithGoodRating: 0, workedTogetherConfirmed: false };

export function submitHelpRequest({ data }: SubmitHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  if (state.status !== 'NONE') throw new DomainError('CONFLICT', 'This help request already exists.');
  const { offer } = data;
  // Asking yourself is not a permission problem but an impossible input: the offer named is the caller's own.
  if (data.seekerId === offer.mentorId) throw badInput('input.offerId', 'You cannot request help from your own offer.');
  if (data.seekerBlocked) throw new DomainError('FORBIDDEN', 'This mentor is not taking requests from you.', 'input.offerId');
  if (offer.status !== 'ACTIVE') {
    const why = offer.status === 'PAUSED' ? 'is paused and not taking requests right now' : 'is retired and no longer takes requests';
    throw new DomainError('CONFLICT', `This offer ${why}.`, 'input.offerId');
  }
  const message = boundedText(data.message, 'input.message', 'Your message', REQUEST_RULES.message.min, REQUEST_RULES.message.max);
  const goal = boundedText(data.goal, 'input.goal', 'Your goal', REQUEST_RULES.goal.min, REQUEST_RULES.goal.max);

  let introTargetId: string | null = null;
  if (offer.kind === 'INTRO') {
    introTargetId = typeof data.introTargetId === 'string' ? data.introTargetId.trim() : '';
    if (!introTargetId) throw badInput('input.introTargetId', 'Name the member you hope to be introduced to.');
    if (introTargetId === data.seekerId) throw badInput('input.introTargetId', 'You cannot ask to be introduced to yourself.');
    if (introTargetId === offer.mentorId) {
      throw badInput('input.introTargetId', 'You are already talking to this mentor; name someone they could introduce you to.');
    }
    if (data.introTargetExists !== true) throw badInput('input.introTargetId', 'There is no member with this id.');
  }

  let referral = null;
  if (offer.kind === 'REFERRAL') {
    // No evidence passed means no evidence: the relationship rule cannot be skipped by omission.
    const requirement = { minCompletedEngagements: Math.max(1, offer.minCompletedEngagements ?? 1), workedTogetherOnly: offer.workedTogetherOnly };
    const evidence = data.relationship ?? NO_EVIDENCE;
    if (!meetsRequirement(evidence, requirement)) {
      throw new DomainError('RELATIONSHIP_REQUIRED', relationshipRequiredMessage(requirement, evidence), 'input.offerId');
    }
    referral = { ...requirement, evidence: { ...evidence } };
  }

  return [
    {
      type: 'HelpRequestSubmitted',
      data: {
        requestId: data.requestId,
        offerId: offer.offerId,
        mentorId: offer.mentorId,
        seekerId: data.seekerId,
        kind: offer.kind,
        message,
        goal,
        introTargetId,
        durationMinutes: isScheduledKind(offer.kind) ? offer.durationMinutes : null,
        referral,
        submittedAt: iso(data.now),
        expiresAt: iso(new Date(data.now.getTime() + REQUEST_RULES.expiryDays * DAY_MS)),
      },
    },
  ];
}
