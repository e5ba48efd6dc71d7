import type { WorkedTogetherEvent } from '@payforward/contracts';

export interface WorkedTogetherState {
  context: string | null;
  attestedAt: string | null;
  confirmedAt: string | null;
}

export const initialWorkedTogetherState = (): WorkedTogetherState => ({ context: null, attestedAt: null, confirmedAt: null });

/** Evidence for a referral only once both sides said so. */
export const workedTogetherConfirmed = (state: WorkedTogetherState): boolean => state.attestedAt !== null && state.confirmedAt !== null;

export function evolveWorkedTogether(state: WorkedTogetherState, event: WorkedTogetherEvent): WorkedTogetherState {
  switch (event.type) {
    case 'WorkedTogetherAttested':
      return { ...state, context: event.data.context, attestedAt: event.data.attestedAt };
    case 'WorkedTogetherConfirmed':
      return { ...state, confirmedAt: event.data.confirmedAt };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
