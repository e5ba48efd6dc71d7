import { badInput, DomainError, type WorkedTogetherEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { boundedText, iso } from '../shared/input.rules.js';
import type { AttestWorkedTogether, ConfirmWorkedTogether, WorkedTogetherCommand } from './worked-together.commands.js';

export const ATTESTATION_CONTEXT = { min: 10, max: 500 } as const;

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

function attest({ data }: AttestWorkedTogether, state: WorkedTogetherState): WorkedTogetherEvent[] {
  if (data.mentorId === data.seekerId) throw badInput('memberId', 'You cannot attest that you worked with yourself.');
  const context = boundedText(data.context, 'context', 'What you worked on together', ATTESTATION_CONTEXT.min, ATTESTATION_CONTEXT.max);
  // An attestation is a statement made once; repeating it (a retried mutation) changes nothing.
  if (state.attestedAt !== null) return [];
  return [{ type: 'WorkedTogetherAttested', data: { mentorId: data.mentorId, seekerId: data.seekerId, context, attestedAt: iso(data.now) } }];
}

function confirm({ data }: ConfirmWorkedTogether, state: WorkedTogetherState): WorkedTogetherEvent[] {
  if (data.mentorId === data.seekerId) throw badInput('mentorId', 'You cannot confirm working with yourself.');
  if (state.attestedAt === null) {
    throw new DomainError('NOT_FOUND', 'This member has not said they worked with you, so there is nothing to confirm yet.', 'mentorId');
  }
  if (state.confirmedAt !== null) return [];
  return [{ type: 'WorkedTogetherConfirmed', data: { mentorId: data.mentorId, seekerId: data.seekerId, confirmedAt: iso(data.now) } }];
}

export function decideWorkedTogether(command: WorkedTogetherCommand, state: WorkedTogetherState): WorkedTogetherEvent[] {
  switch (command.type) {
    case 'AttestWorkedTogether':
      return attest(command, state);
    case 'ConfirmWorkedTogether':
      return confirm(command, state);
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
