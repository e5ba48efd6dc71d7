import { DomainError, type CapacityEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { iso } from '../shared/input.rules.js';
import type { CapacityCommand, ReleaseCapacity, ReserveCapacity } from './capacity.commands.js';

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

function reserve({ data }: ReserveCapacity, state: CapacityLedgerState): CapacityEvent[] {
  // A retried accept of the same request must not take a second unit.
  if (state.reserved.includes(data.requestId)) return [];
  if (state.reserved.length >= data.capacity) {
    const period = data.period === 'MONTH' ? 'month' : data.period === 'WEEK' ? 'week' : 'period';
    throw new DomainError(
      'CAPACITY_EXHAUSTED',
      `This offer has no capacity left this ${period} (${state.reserved.length} of ${data.capacity} used). The request stays pending; decline it kindly or accept it when capacity renews.`,
      'id',
    );
  }
  const { offerId, periodKey, requestId, capacity } = data;
  return [{ type: 'CapacityReserved', data: { offerId, periodKey, requestId, capacity, used: state.reserved.length + 1, reservedAt: iso(data.now) } }];
}

function release({ data }: ReleaseCapacity, state: CapacityLedgerState): CapacityEvent[] {
  // Releasing what is not held is a no-op, so compensations can be retried safely.
  if (!state.reserved.includes(data.requestId)) return [];
  const { offerId, periodKey, requestId, reason } = data;
  return [{ type: 'CapacityReleased', data: { offerId, periodKey, requestId, reason, used: state.reserved.length - 1, releasedAt: iso(data.now) } }];
}

export function decideCapacity(command: CapacityCommand, state: CapacityLedgerState): CapacityEvent[] {
  switch (command.type) {
    case 'ReserveCapacity':
      return reserve(command, state);
    case 'ReleaseCapacity':
      return release(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown capacity command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const capacityLedgerDecider: Decider<CapacityLedgerState, CapacityCommand, CapacityEvent> = {
  decide: decideCapacity,
  evolve: evolveCapacityLedger,
  initialState: initialCapacityLedgerState,
};
