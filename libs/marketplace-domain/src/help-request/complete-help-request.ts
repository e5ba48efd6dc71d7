import { DomainError, isScheduledKind, type HelpRequestEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { eventIds, existingRequest, requireMentor, requireStatus, slotStart } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface CompleteHelpRequest {
  type: 'CompleteHelpRequest';
  data: { requestId: string; actorId: string; now: Date };
}

export function completeHelpRequest({ data }: CompleteHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
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
