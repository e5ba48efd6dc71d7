import { DomainError, type HelpRequestEvent } from '@payforward/contracts';
import { boundedInteger, iso, optionalNote } from '../shared/input.rules.js';
import { eventIds, existingRequest, REQUEST_RULES, requireParty, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface LeaveFeedback {
  type: 'LeaveFeedback';
  data: { requestId: string; actorId: string; rating: number; note?: string | null; now: Date };
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
