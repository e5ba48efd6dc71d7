import { badInput, DomainError, type HelpRequestEvent } from '@payforward/contracts';
import { boundedText, iso } from '../shared/input.rules.js';
import { eventIds, existingRequest, REQUEST_RULES, requireMentor, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface Vouch {
  type: 'Vouch';
  data: { requestId: string; actorId: string; statement: string; now: Date };
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
