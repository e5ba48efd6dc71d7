import type { AvailabilityEvent, AvailabilityWindow } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { iso } from '../shared/input.rules.js';
import type { AvailabilityCommand } from './availability.commands.js';
import { validBlackoutDates, validTimeZone, validWindows } from './availability.rules.js';

/** The mentor's availability as the slot helpers read it. */
export interface Availability {
  timezone: string;
  windows: AvailabilityWindow[];
  blackoutDates: string[];
}

/** Null until the mentor first sets availability: until then no call can be scheduled. */
export type AvailabilityState = (Availability & { mentorId: string }) | null;

export const initialAvailabilityState = (): AvailabilityState => null;

export function evolveAvailability(_state: AvailabilityState, event: AvailabilityEvent): AvailabilityState {
  const { mentorId, timezone, windows, blackoutDates } = event.data;
  return { mentorId, timezone, windows, blackoutDates };
}

export function decideAvailability(command: AvailabilityCommand, state: AvailabilityState): AvailabilityEvent[] {
  if (command.type !== 'SetAvailability') {
    const unhandled: never = command.type;
    throw new Error(`unknown availability command ${String(unhandled)}`);
  }
  const { data } = command;
  const next = {
    mentorId: data.mentorId,
    timezone: validTimeZone(data.timezone),
    windows: validWindows(data.windows),
    blackoutDates: validBlackoutDates(data.blackoutDates),
  };
  // Setting the same availability again records nothing.
  if (state && JSON.stringify(state) === JSON.stringify(next)) return [];
  return [{ type: 'AvailabilitySet', data: { ...next, setAt: iso(data.now) } }];
}

export const availabilityDecider: Decider<AvailabilityState, AvailabilityCommand, AvailabilityEvent> = {
  decide: decideAvailability,
  evolve: evolveAvailability,
  initialState: initialAvailabilityState,
};
