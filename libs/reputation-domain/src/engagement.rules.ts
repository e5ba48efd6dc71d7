import type {
  FeedbackLeftData,
  IntroConsentedData,
  NoShowReportedData,
  ReferralOutcomeReportedData,
  ReferralVouchedData,
} from '@payforward/contracts';
import { decayNotes } from './completion.rules.js';
import { award, type SourceFact } from './ledger.award.js';
import { HELP_NOUN } from './ledger.reasons.js';
import { requestFor, type LedgerState } from './ledger.state.js';
import { LIMITS, RULEBOOK } from './rulebook.js';

/** What happens around and after an engagement: feedback, referrals, intro consent, no-shows. */

const BONUS_KINDS = new Set(['ADVICE_CALL', 'RESUME_REVIEW', 'MOCK_INTERVIEW']);

/**
 * Feedback: the seeker closing the loop earns +2; a seeker rating of 4+ on a call, review or
 * mock interview earns the mentor the +5 bonus, decayed like the completion it belongs to.
 * The marketplace accepts feedback only on completed requests, once per side.
 */
export function onFeedback(state: LedgerState, source: SourceFact, data: FeedbackLeftData): void {
  if (data.side !== 'SEEKER') return; // the mentor's feedback earns nobody anything
  const request = requestFor(state, data);
  if (request.feedbackGiven) return;
  request.feedbackGiven = true;
  const noun = HELP_NOUN[data.kind];
  award(state, source, {
    memberId: data.seekerId,
    ruleId: 'feedback.left',
    points: RULEBOOK['feedback.left'].points!,
    text: `closed the loop: feedback on ${state.names(data.mentorId)}'s ${noun}`,
    requestId: data.requestId,
    counterparties: [data.mentorId],
  });
  if (!BONUS_KINDS.has(data.kind) || data.rating < LIMITS.bonusRating || !request.completion || request.bonusGiven) return;
  request.bonusGiven = true;
  award(state, source, {
    memberId: data.mentorId,
    ruleId: 'completion.rated-bonus',
    points: Math.floor(RULEBOOK['completion.rated-bonus'].points! / request.decay),
    text: `${state.names(data.seekerId)} rated your ${noun} ${data.rating}/5`,
    notes: decayNotes(state, request),
    requestId: data.requestId,
    counterparties: [data.seekerId],
  });
}

/** Grounded = the relationship evidence a referral requires (DESIGN §2.4) was there. */
export function onVouched(state: LedgerState, source: SourceFact, data: ReferralVouchedData): void {
  const request = requestFor(state, data);
  const grounded = data.basis.completedEngagementsWithGoodRating >= 1 || data.basis.workedTogetherConfirmed;
  if (!grounded || request.groundedVouch) return; // an ungrounded vouch earns nothing (the marketplace refuses them anyway)
  request.groundedVouch = true;
  award(state, source, {
    memberId: data.mentorId,
    ruleId: 'referral.vouched',
    points: RULEBOOK['referral.vouched'].points!,
    text: `vouched for ${state.names(data.seekerId)}'s referral`,
    requestId: data.requestId,
    counterparties: [data.seekerId],
  });
}

export function onReferralOutcome(state: LedgerState, source: SourceFact, data: ReferralOutcomeReportedData): void {
  const request = requestFor(state, data);
  if (data.outcome !== 'HIRED' || !request.groundedVouch || request.hired) return;
  request.hired = true;
  award(state, source, {
    memberId: data.mentorId,
    ruleId: 'referral.hired',
    points: RULEBOOK['referral.hired'].points!,
    text: `${state.names(data.seekerId)} was hired after your referral`,
    requestId: data.requestId,
    counterparties: [data.seekerId],
  });
}

/** No points yet: the intro earns when it completes; the consent names the target it rests on. */
export function onIntroConsented(state: LedgerState, data: IntroConsentedData): void {
  requestFor(state, data).introTargetId = data.introTargetId;
}

/**
 * No-shows cost the absent party: −5 a seeker, −10 a mentor. The penalty rests on the
 * reporter's word when the other side reported it (a fraudster's reports are reversed).
 */
export function onNoShow(state: LedgerState, source: SourceFact, data: NoShowReportedData): void {
  const request = requestFor(state, data);
  if (request.noShow) return;
  request.noShow = true;
  const absentMentor = data.absent === 'MENTOR';
  const [absentId, otherId] = absentMentor ? [data.mentorId, data.seekerId] : [data.seekerId, data.mentorId];
  const ruleId = absentMentor ? 'no-show.mentor' : 'no-show.seeker';
  award(state, source, {
    memberId: absentId,
    ruleId,
    points: RULEBOOK[ruleId].points!,
    text: `no-show: you missed the ${HELP_NOUN[data.kind]} with ${state.names(otherId)}`,
    requestId: data.requestId,
    counterparties: data.reportedBy === data.absent ? [] : [otherId],
  });
}
