import { DomainError, type SeekerPendingEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { PENDING_LIMITS, type SeekerPendingState } from './seeker-pending.state.js';

/** A submit takes a slot before the request stream is created. */
export interface TakePendingSlot {
  type: 'TakePendingSlot';
  data: { seekerId: string; requestId: string; mentorId: string; now: Date };
}

export function takePendingSlot({ data }: TakePendingSlot, state: SeekerPendingState): SeekerPendingEvent[] {
  // A retried submit of the same request holds its slot already.
  if (state.pending.some((p) => p.requestId === data.requestId)) return [];
  if (state.pending.length >= PENDING_LIMITS.total) {
    throw new DomainError(
      'LIMIT_REACHED',
      `You already have ${PENDING_LIMITS.total} pending requests, the most you can have at once. Wait for an answer or withdraw one before asking again.`,
      'input.offerId',
    );
  }
  if (state.pending.filter((p) => p.mentorId === data.mentorId).length >= PENDING_LIMITS.perMentor) {
    throw new DomainError(
      'LIMIT_REACHED',
      `You already have a pending request with this mentor (${PENDING_LIMITS.perMentor} at a time per mentor). Wait for their answer or withdraw it first.`,
      'input.offerId',
    );
  }
  const { seekerId, requestId, mentorId } = data;
  return [{ type: 'PendingSlotTaken', data: { seekerId, requestId, mentorId, pending: state.pending.length + 1, takenAt: iso(data.now) } }];
}
