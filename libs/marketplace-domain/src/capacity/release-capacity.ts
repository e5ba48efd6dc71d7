import type { CapacityEvent, CapacityReleaseReason } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import type { CapacityLedgerState } from './capacity.state.js';

/**
 * Gives a reservation back. Used when an acceptance did not happen after all (the accept
 * append failed after the reservation: ACCEPT_ABORTED) or the engagement could not take place
 * for a reason outside both parties (the intro's target declined: INTRO_DECLINED).
 * Completed and no-show engagements keep their reservation: the mentor's time was committed.
 */
export interface ReleaseCapacity {
  type: 'ReleaseCapacity';
  data: { offerId: string; periodKey: string; requestId: string; reason: CapacityReleaseReason; now: Date };
}

export function releaseCapacity({ data }: ReleaseCapacity, state: CapacityLedgerState): CapacityEvent[] {
  // Releasing what is not held is a no-op, so compensations can be retried safely.
  if (!state.reserved.includes(data.requestId)) return [];
  const { offerId, periodKey, requestId, reason } = data;
  return [{ type: 'CapacityReleased', data: { offerId, periodKey, requestId, reason, used: state.reserved.length - 1, releasedAt: iso(data.now) } }];
}

