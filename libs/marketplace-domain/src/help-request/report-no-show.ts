import { DomainError, PARTIES, type HelpRequestEvent, type Party } from '@payforward/contracts';
import { iso, MINUTE_MS, oneOf } from '../shared/input.rules.js';
import { eventIds, existingRequest, requireParty, requireStatus, slotStart } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface ReportNoShow {
  type: 'ReportNoShow';
  data: { requestId: string; actorId: string; absent: Party; now: Date };
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
