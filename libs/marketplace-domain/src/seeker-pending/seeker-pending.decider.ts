import type { SeekerPendingEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { freePendingSlot, type FreePendingSlot } from './free-pending-slot.js';
import { evolveSeekerPending, initialSeekerPendingState, type SeekerPendingState } from './seeker-pending.state.js';
import { takePendingSlot, type TakePendingSlot } from './take-pending-slot.js';

/**
 * Commands on a seeker's pending-requests stream, `seeker-pending-<seekerId>`. Every submit
 * appends here with an expected version before the request stream is created, so ten
 * concurrent submits by one seeker serialize and exactly three get through.
 */
export type SeekerPendingCommand = TakePendingSlot | FreePendingSlot;

export function decideSeekerPending(command: SeekerPendingCommand, state: SeekerPendingState): SeekerPendingEvent[] {
  switch (command.type) {
    case 'TakePendingSlot':
      return takePendingSlot(command, state);
    case 'FreePendingSlot':
      return freePendingSlot(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown seeker-pending command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const seekerPendingDecider: Decider<SeekerPendingState, SeekerPendingCommand, SeekerPendingEvent> = {
  decide: decideSeekerPending,
  evolve: evolveSeekerPending,
  initialState: initialSeekerPendingState,
};
