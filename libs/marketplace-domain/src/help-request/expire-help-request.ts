import { DomainError, type HelpRequestEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { expiryGuidance } from './guidance.js';
import { eventIds, existingRequest, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

/** Sent by the expiry scan (system), never by a member. */
export interface ExpireHelpRequest {
  type: 'ExpireHelpRequest';
  data: { requestId: string; now: Date };
}

/** Driven by the durable expiry scan; early or late-arriving scans are refused, never guessed. */
export function expireHelpRequest({ data }: ExpireHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireStatus(current, ['SUBMITTED'], 'id', 'expire it');
  if (data.now.getTime() < Date.parse(current.request.expiresAt)) {
    throw new DomainError('CONFLICT', `This request is not due to expire before ${current.request.expiresAt}.`, 'id');
  }
  return [{ type: 'HelpRequestExpired', data: { ...eventIds(current), guidance: expiryGuidance(current.request.kind), expiredAt: iso(data.now) } }];
}
