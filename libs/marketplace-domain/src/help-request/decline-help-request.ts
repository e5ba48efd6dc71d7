import { DECLINE_REASONS, type DeclineReason, type HelpRequestEvent } from '@payforward/contracts';
import { iso, oneOf, optionalNote } from '../shared/input.rules.js';
import { declineGuidance } from './guidance.js';
import { eventIds, existingRequest, REQUEST_RULES, requireMentor, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface DeclineHelpRequest {
  type: 'DeclineHelpRequest';
  data: { requestId: string; actorId: string; reason: DeclineReason; note?: string | null; now: Date };
}

/** One click with a reason; never costs the mentor anything, always gives the seeker a next step. */
export function declineHelpRequest({ data }: DeclineHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireMentor(current, data.actorId, 'id', 'decline');
  requireStatus(current, ['SUBMITTED'], 'id', 'decline it');
  const reason = oneOf(data.reason, DECLINE_REASONS, 'reason', 'The reason');
  const note = optionalNote(data.note, 'note', REQUEST_RULES.declineNoteMax);
  const guidance = declineGuidance(reason, current.request.kind);
  return [{ type: 'HelpRequestDeclined', data: { ...eventIds(current), reason, note, guidance, declinedAt: iso(data.now) } }];
}
