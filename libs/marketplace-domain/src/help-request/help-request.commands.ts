import type { DeclineReason, HelpKind, OfferStatus, Party, ReferralOutcome, RelationshipEvidence } from '@payforward/contracts';
import type { OfferState } from '../offer/offer.state.js';

/**
 * Commands on a help request (stream `help-request-<requestId>`). The handler loads what the
 * decider cannot know — the offer, the block list, the relationship evidence, the mentor's
 * availability — and passes the facts in; `actorId` comes from the token and `now` from the
 * handler's clock, so the decider stays pure and deterministic.
 */

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

export interface AcceptHelpRequest {
  type: 'AcceptHelpRequest';
  data: {
    requestId: string;
    actorId: string;
    /** ADVICE_CALL / MOCK_INTERVIEW: the session start; ignored for other kinds. */
    scheduledAt?: Date | null;
    /** Scheduled kinds: the handler's checks of `scheduledAt` (absent = not checked = refused). */
    slot?: { insideAvailability: boolean; overlapsAcceptedSession: boolean } | null;
    /** The capacity period whose ledger the handler reserved in before accepting. */
    capacityPeriodKey: string;
    now: Date;
  };
}

export interface DeclineHelpRequest {
  type: 'DeclineHelpRequest';
  data: { requestId: string; actorId: string; reason: DeclineReason; note?: string | null; now: Date };
}

export interface WithdrawHelpRequest {
  type: 'WithdrawHelpRequest';
  data: { requestId: string; actorId: string; now: Date };
}

/** Sent by the expiry scan (system), never by a member. */
export interface ExpireHelpRequest {
  type: 'ExpireHelpRequest';
  data: { requestId: string; now: Date };
}

export interface CompleteHelpRequest {
  type: 'CompleteHelpRequest';
  data: { requestId: string; actorId: string; now: Date };
}

export interface ReportNoShow {
  type: 'ReportNoShow';
  data: { requestId: string; actorId: string; absent: Party; now: Date };
}

export interface LeaveFeedback {
  type: 'LeaveFeedback';
  data: { requestId: string; actorId: string; rating: number; note?: string | null; now: Date };
}

export interface Vouch {
  type: 'Vouch';
  data: { requestId: string; actorId: string; statement: string; now: Date };
}

export interface ReportReferralOutcome {
  type: 'ReportReferralOutcome';
  data: { requestId: string; actorId: string; outcome: ReferralOutcome; now: Date };
}

export interface RespondToIntro {
  type: 'RespondToIntro';
  data: { requestId: string; actorId: string; consent: boolean; now: Date };
}

export type HelpRequestCommand =
  | SubmitHelpRequest
  | AcceptHelpRequest
  | DeclineHelpRequest
  | WithdrawHelpRequest
  | ExpireHelpRequest
  | CompleteHelpRequest
  | ReportNoShow
  | LeaveFeedback
  | Vouch
  | ReportReferralOutcome
  | RespondToIntro;
