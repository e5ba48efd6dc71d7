import type { CapacityEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { evolveCapacityLedger, initialCapacityLedgerState, type CapacityLedgerState } from './capacity.state.js';
import { releaseCapacity, type ReleaseCapacity } from './release-capacity.js';
import { reserveCapacity, type ReserveCapacity } from './reserve-capacity.js';

/**
 * Commands on one capacity ledger: stream `capacity-<offerId>-<periodKey>`. The handler
 * appends with the expected version it read, so concurrent reservations serialize here and
 * the ledger can never hold more reservations than the capacity.
 */
export type CapacityCommand = ReserveCapacity | ReleaseCapacity;

export function decideCapacity(command: CapacityCommand, state: CapacityLedgerState): CapacityEvent[] {
  switch (command.type) {
    case 'ReserveCapacity':
      return reserveCapacity(command, state);
    case 'ReleaseCapacity':
      return releaseCapacity(command, state);
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

