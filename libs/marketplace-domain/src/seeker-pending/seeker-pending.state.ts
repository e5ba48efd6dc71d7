import type { SeekerPendingEvent } from '@payforward/contracts';

/** DESIGN §2.3: a seeker has at most 3 pending requests in total and 1 per mentor. */
export const PENDING_LIMITS = { total: 3, perMentor: 1 } as const;

export interface PendingSlot {
  requestId: string;
  mentorId: string;
}

export interface SeekerPendingState {
  pending: PendingSlot[];
}

export const initialSeekerPendingState = (): SeekerPendingState => ({ pending: [] });

export function evolveSeekerPending(state: SeekerPendingState, event: SeekerPendingEvent): SeekerPendingState {
  switch (event.type) {
    case 'PendingSlotTaken': {
      const { requestId, mentorId } = event.data;
      return state.pending.some((p) => p.requestId === requestId) ? state : { pending: [...state.pending, { requestId, mentorId }] };
    }
    case 'PendingSlotFreed':
      return { pending: state.pending.filter((p) => p.requestId !== event.data.requestId) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
