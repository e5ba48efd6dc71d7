import { badInput, DomainError, isScheduledKind, periodKeySchema, type HelpRequestEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { eventIds, existingRequest, requireMentor, requireStatus } from './help-request.rules.js';
import type { HelpRequestState } from './help-request.state.js';

export interface AcceptHelpRequest {
  type: 'AcceptHelpRequest';
  data: {
    requestId: string;
    actorId: string;
    /** ADVICE_CALL / MOCK_INTERVIEW: the session start; ignored for other kinds. */
    scheduledAt?: Date | null;
    /** Scheduled kinds: the handler's checks of `scheduledAt` (absent = not checked = refused). */
    slot?: { insideAvailability: boolean; overlapsAcceptedSession: boolean } | null;
    /** The capacity period whose ledger the handler reserved in before accepting. */
    capacityPeriodKey: string;
    now: Date;
  };
}

/**
 * Records the acceptance. Capacity is not decided here: the handler first reserves a unit in
 * the offer's capacity ledger for `capacityPeriodKey` (the concurrency boundary) and only then
 * appends this; if this append fails it releases the reservation (ACCEPT_ABORTED). Handlers
 * should run this decision before reserving, so a refusal here never touches the ledger.
 */
export function acceptHelpRequest({ data }: AcceptHelpRequest, state: HelpRequestState): HelpRequestEvent[] {
  const current = existingRequest(state, 'id');
  requireMentor(current, data.actorId, 'id', 'accept');
  requireStatus(current, ['SUBMITTED'], 'id', 'accept it');
  const { kind, durationMinutes } = current.request;
  let scheduledAt: string | null = null;
  if (isScheduledKind(kind)) {
    const at = data.scheduledAt;
    if (!at) throw badInput('scheduledAt', 'Pick a time for the call.');
    if (!(at instanceof Date) || !Number.isFinite(at.getTime())) throw badInput('scheduledAt', 'That is not a valid time.');
    if (at.getTime() <= data.now.getTime()) throw badInput('scheduledAt', 'Pick a time in the future.');
    if (!data.slot?.insideAvailability) {
      throw badInput('scheduledAt', 'That time is outside your availability or on a blackout date; pick a time inside your weekly windows.');
    }
    if (data.slot.overlapsAcceptedSession) throw new DomainError('CONFLICT', 'That time overlaps another session you accepted; pick another time.', 'scheduledAt');
    scheduledAt = iso(at);
  }
  if (!periodKeySchema.safeParse(data.capacityPeriodKey).success) throw new Error(`invalid capacity period key ${data.capacityPeriodKey}`);
  return [
    {
      type: 'HelpRequestAccepted',
      data: {
        ...eventIds(current),
        scheduledAt,
        durationMinutes: isScheduledKind(kind) ? durationMinutes : null,
        capacityPeriodKey: data.capacityPeriodKey,
        acceptedAt: iso(data.now),
      },
    },
  ];
}
