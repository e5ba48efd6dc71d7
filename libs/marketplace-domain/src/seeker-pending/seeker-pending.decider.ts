import { DomainError, type SeekerPendingEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { iso } from '../shared/input.rules.js';
import type { FreePendingSlot, SeekerPendingCommand, TakePendingSlot } from './seeker-pending.commands.js';

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

function take({ data }: TakePendingSlot, state: SeekerPendingState): SeekerPendingEvent[] {
  // A retried submit of the same request holds its slot already.
  if (state.pending.some((p) => p.requestId === data.requestId)) return [];
  if (state.pending.length >= PENDING_LIMITS.total) {
    throw new DomainError(
      'LIMIT_REACHED',
      `You already have ${PENDING_LIMITS.total} pending requests, the most you can have at once. Wait for an answer or withdraw one before asking again.`,
      'input.offerId',
    );
  }
  if (state.pending.filter((p) => p.mentorId === data.mentorId).length >= PENDING_LIMITS.perMentor) {
    throw new DomainError(
      'LIMIT_REACHED',
      `You already have a pending request with this mentor (${PENDING_LIMITS.perMentor} at a time per mentor). Wait for their answer or withdraw it first.`,
      'input.offerId',
    );
  }
  const { seekerId, requestId, mentorId } = data;
  return [{ type: 'PendingSlotTaken', data: { seekerId, requestId, mentorId, pending: state.pending.length + 1, takenAt: iso(data.now) } }];
}

function free({ data }: FreePendingSlot, state: SeekerPendingState): SeekerPendingEvent[] {
  const slot = state.pending.find((p) => p.requestId === data.requestId);
  // Freeing twice (a redelivered "left SUBMITTED") changes nothing.
  if (!slot) return [];
  const { seekerId, requestId } = data;
  return [
    { type: 'PendingSlotFreed', data: { seekerId, requestId, mentorId: slot.mentorId, pending: state.pending.length - 1, freedAt: iso(data.now) } },
  ];
}

export function decideSeekerPending(command: SeekerPendingCommand, state: SeekerPendingState): SeekerPendingEvent[] {
  switch (command.type) {
    case 'TakePendingSlot':
      return take(command, state);
    case 'FreePendingSlot':
      return free(command, state);
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
