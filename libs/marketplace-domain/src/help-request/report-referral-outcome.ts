import { badInput, DomainError, REFERRAL_OUTCOMES, type HelpRequestEvent, type ReferralOutcome } from '@payforward/contracts';
import { iso, oneOf } from '../shared/input.rules.js';
import { eventIds, existingRequest, requireSeeker, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface ReportReferralOutcome {
  type: 'ReportReferralOutcome';
  data: { requestId: string; actorId: string; outcome: ReferralOutcome; now: Date };
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
