import type { AvailabilityEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { evolveAvailability, initialAvailabilityState, type AvailabilityState } from './availability.state.js';
import { setAvailability, type SetAvailability } from './set-availability.js';

export type AvailabilityCommand = SetAvailability;

export function decideAvailability(command: AvailabilityCommand, state: AvailabilityState): AvailabilityEvent[] {
  const { type } = command;
  switch (type) {
    case 'SetAvailability':
      return setAvailability(command, state);
    default: {
      const unhandled: never = type;
      throw new Error(`unknown availability command ${String(unhandled)}`);
    }
  }
}

export const availabilityDecider: Decider<AvailabilityState, AvailabilityCommand, AvailabilityEvent> = {
  decide: decideAvailability,
  evolve: evolveAvailability,
  initialState: initialAvailabilityState,
};
