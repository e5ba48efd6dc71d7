import type { HelpRequestEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { eventIds, existingRequest, requireSeeker, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface WithdrawHelpRequest {
  type: 'WithdrawHelpRequest';
  data: { requestId: string; actorId: string; now: Date };
}

export function withdrawHelpRequest({ data }: WithdrawHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireSeeker(current, data.actorId, 'id', 'withdraw');
  requireStatus(current, ['SUBMITTED'], 'id', 'withdraw it');
  return [{ type: 'HelpRequestWithdrawn', data: { ...eventIds(current), withdrawnAt: iso(data.now) } }];
}
