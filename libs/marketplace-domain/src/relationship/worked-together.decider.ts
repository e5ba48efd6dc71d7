import type { WorkedTogetherEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { attestWorkedTogether, type AttestWorkedTogether } from './attest-worked-together.js';
import { confirmWorkedTogether, type ConfirmWorkedTogether } from './confirm-worked-together.js';
import { evolveWorkedTogether, initialWorkedTogetherState, type WorkedTogetherState } from './worked-together.state.js';

export type WorkedTogetherCommand = AttestWorkedTogether | ConfirmWorkedTogether;

export function decideWorkedTogether(command: WorkedTogetherCommand, state: WorkedTogetherState): WorkedTogetherEvent[] {
  switch (command.type) {
    case 'AttestWorkedTogether':
      return attestWorkedTogether(command, state);
    case 'ConfirmWorkedTogether':
      return confirmWorkedTogether(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown worked-together command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const workedTogetherDecider: Decider<WorkedTogetherState, WorkedTogetherCommand, WorkedTogetherEvent> = {
  decide: decideWorkedTogether,
  evolve: evolveWorkedTogether,
  initialState: initialWorkedTogetherState,
};
