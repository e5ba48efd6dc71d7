import type { SeekerPendingEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import type { SeekerPendingState } from './seeker-pending.state.js';

/** The request left SUBMITTED (accepted, declined, withdrawn, expired) or its submit was abandoned. */
export interface FreePendingSlot {
  type: 'FreePendingSlot';
  data: { seekerId: string; requestId: string; now: Date };
}

export function freePendingSlot({ data }: FreePendingSlot, state: SeekerPendingState): SeekerPendingEvent[] {
  const slot = state.pending.find((p) => p.requestId === data.requestId);
  // Freeing twice (a redelivered "left SUBMITTED") changes nothing.
  if (!slot) return [];
  const { seekerId, requestId } = data;
  return [
    { type: 'PendingSlotFreed', data: { seekerId, requestId, mentorId: slot.mentorId, pending: state.pending.length - 1, freedAt: iso(data.now) } },
  ];
}
