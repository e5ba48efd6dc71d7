import type { CapacityEvent } from '@payforward/contracts';

/** The requests holding a reservation in this offer's period, in the order they got it. */
export interface CapacityLedgerState {
  reserved: string[];
}

export const initialCapacityLedgerState = (): CapacityLedgerState => ({ reserved: [] });

export function evolveCapacityLedger(state: CapacityLedgerState, event: CapacityEvent): CapacityLedgerState {
  switch (event.type) {
    case 'CapacityReserved':
      return state.reserved.includes(event.data.requestId) ? state : { reserved: [...state.reserved, event.data.requestId] };
    case 'CapacityReleased':
      return { reserved: state.reserved.filter((id) => id !== event.data.requestId) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Used and remaining in the period, for the dashboard and `remainingCapacity`. */
export const capacityUsage = (state: CapacityLedgerState, capacity: number): { used: number; remaining: number } => ({
  used: state.reserved.length,
  remaining: Math.max(0, capacity - state.reserved.length),
});
