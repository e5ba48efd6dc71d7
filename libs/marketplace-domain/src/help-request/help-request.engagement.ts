import { badInput, DomainError, isScheduledKind, PARTIES, REFERRAL_OUTCOMES, type HelpRequestEvent } from '@payforward/contracts';
import { boundedInteger, boundedText, iso, MINUTE_MS, oneOf, optionalNote } from '../shared/input.rules.js';
import { INTRO_DECLINED_GUIDANCE } from './guidance.js';
import type {
  CompleteHelpRequest,
  LeaveFeedback,
  ReportNoShow,
  ReportReferralOutcome,
  RespondToIntro,
  Vouch,
} from './help-request.commands.js';
import {
  eventIds,
  existingRequest,
  requireMentor,
  requireParty,
  requireSeeker,
  requireStatus,
  REQUEST_RULES,
} from './help-request.rules.js';
import type { ExistingHelpRequest, HelpRequestState } from './help-request.state.js';

/**
 * The ACCEPTED phase and after: the engagement happens (completion or a no-show), each side
 * may leave feedback once, referrals are vouched for and their outcome reported, and an
 * intro's target answers. Completed requests stay COMPLETED; feedback and a referral's
 * outcome are recorded on them without changing status.
 */

const slotStart = (state: ExistingHelpRequest): number | null => (state.scheduledAt ? Date.parse(state.scheduledAt) : null);

export function complete({ data }: CompleteHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireMentor(current, data.actorId, 'id', 'complete');
  requireStatus(current, ['ACCEPTED'], 'id', 'complete it');
  const start = slotStart(current);
  if (isScheduledKind(current.request.kind) && start !== null && data.now.getTime() < start) {
    throw new DomainError('CONFLICT', 'The session has not started yet; complete it once it has taken place.', 'id');
  }
  // An intro happens only with the target's consent, a referral only with the vouch.
  if (current.request.kind === 'INTRO' && current.introConsent !== true) {
    throw new DomainError('CONFLICT', 'The member to be introduced has not consented yet; the intro completes after they do.', 'id');
  }
  if (current.request.kind === 'REFERRAL' && current.vouchStatement === null) {
    throw new DomainError('CONFLICT', 'Vouch for the seeker before completing the referral.', 'id');
  }
  return [{ type: 'HelpRequestCompleted', data: { ...eventIds(current), scheduledAt: current.scheduledAt, completedAt: iso(data.now) } }];
}

/**
 * Either side may report that the other (or they themselves) did not show up. For a
 * scheduled session only once its time is over, so someone merely late is not reported.
 */
export function reportNoShow({ data }: ReportNoShow, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  const reportedBy = requireParty(current, data.actorId, 'id', 'report a no-show on');
  requireStatus(current, ['ACCEPTED'], 'id', 'report a no-show');
  const absent = oneOf(data.absent, PARTIES, 'absent', 'The absent party');
  const start = slotStart(current);
  if (start !== null) {
    const end = start + (current.request.durationMinutes ?? 0) * MINUTE_MS;
    if (data.now.getTime() < end) throw new DomainError('CONFLICT', 'A no-show can be reported once the session time is over.', 'id');
  }
  return [
    { type: 'NoShowReported', data: { ...eventIds(current), absent, reportedBy, scheduledAt: current.scheduledAt, reportedAt: iso(data.now) } },
  ];
}

export function leaveFeedback({ data }: LeaveFeedback, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'requestId');
  const side = requireParty(current, data.actorId, 'requestId', 'leave feedback on');
  requireStatus(current, ['COMPLETED'], 'requestId', 'leave feedback');
  if (current.feedback[side] !== undefined) throw new DomainError('CONFLICT', 'You already left feedback on this request.', 'requestId');
  const rating = boundedInteger(data.rating, 'rating', 'The rating', REQUEST_RULES.rating.min, REQUEST_RULES.rating.max);
  const note = optionalNote(data.note, 'note', REQUEST_RULES.feedbackNoteMax);
  return [{ type: 'FeedbackLeft', data: { ...eventIds(current), side, rating, note, leftAt: iso(data.now) } }];
}

/** The vouch carries what the mentor can speak to and the relationship it rests on. */
export function vouch({ data }: Vouch, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'requestId');
  requireMentor(current, data.actorId, 'requestId', 'vouch on');
  const { referral } = current.request;
  if (current.request.kind !== 'REFERRAL' || !referral) throw badInput('requestId', 'Only referral requests can be vouched for.');
  requireStatus(current, ['ACCEPTED'], 'requestId', 'vouch');
  if (current.vouchStatement !== null) throw new DomainError('CONFLICT', 'You already vouched for this seeker.', 'requestId');
  const statement = boundedText(
    data.statement,
    'statement',
    'Your statement',
    REQUEST_RULES.vouchStatement.min,
    REQUEST_RULES.vouchStatement.max,
  );
  return [{ type: 'ReferralVouched', data: { ...eventIds(current), statement, basis: { ...referral.evidence }, vouchedAt: iso(data.now) } }];
}

/**
 * The seeker reports how the referral went, possibly in steps: INTERVIEWED, then HIRED or
 * NOT_SELECTED. HIRED and NOT_SELECTED are final; repeating the current outcome is a no-op.
 */
export function reportReferralOutcome({ data }: ReportReferralOutcome, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'requestId');
  requireSeeker(current, data.actorId, 'requestId', 'report the outcome of');
  if (current.request.kind !== 'REFERRAL') throw badInput('requestId', 'Only referrals have an outcome to report.');
  requireStatus(current, ['ACCEPTED', 'COMPLETED'], 'requestId', 'report an outcome');
  if (current.vouchStatement === null) {
    throw new DomainError('CONFLICT', 'An outcome can be reported once the mentor has vouched for you.', 'requestId');
  }
  const outcome = oneOf(data.outcome, REFERRAL_OUTCOMES, 'outcome', 'The outcome');
  if (current.referralOutcome === outcome) return [];
  if (current.referralOutcome === 'HIRED' || current.referralOutcome === 'NOT_SELECTED') {
    throw new DomainError('CONFLICT', `The outcome was already reported as ${current.referralOutcome}.`, 'requestId');
  }
  return [{ type: 'ReferralOutcomeReported', data: { ...eventIds(current), outcome, reportedAt: iso(data.now) } }];
}

/**
 * Double opt-in: after the mentor accepts, the target member answers once. Consent opens the
 * way to contact details; a refusal ends the request kindly and gives the capacity back.
 */
export function respondToIntro({ data }: RespondToIntro, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'requestId');
  const { introTargetId } = current.request;
  if (!introTargetId || data.actorId !== introTargetId) {
    throw new DomainError('FORBIDDEN', 'Only the member to be introduced can answer this introduction.', 'requestId');
  }
  if (current.status === 'SUBMITTED') throw new DomainError('CONFLICT', 'The mentor has not accepted this introduction yet.', 'requestId');
  requireStatus(current, ['ACCEPTED'], 'requestId', 'answer the introduction');
  if (current.introConsent !== null) throw new DomainError('CONFLICT', 'You already answered this introduction.', 'requestId');
  if (typeof data.consent !== 'boolean') throw badInput('consent', 'Answer yes or no.');
  const base = { ...eventIds(current), introTargetId, respondedAt: iso(data.now) };
  if (data.consent) return [{ type: 'IntroConsented', data: { ...base, consent: true } }];
  return [
    {
      type: 'IntroDeclined',
      data: { ...base, consent: false, guidance: INTRO_DECLINED_GUIDANCE, capacityPeriodKey: current.capacityPeriodKey ?? '' },
    },
  ];
}
