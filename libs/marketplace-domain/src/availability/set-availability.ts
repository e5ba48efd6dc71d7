import type { AvailabilityEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { validBlackoutDates, validTimeZone, validWindows } from './availability.rules.js';
import type { AvailabilityState } from './availability.state.js';

/** A weekly window as the API receives it: weekday 1 = Monday … 7 = Sunday, "HH:MM" in the mentor's zone. */
export interface AvailabilityWindowInput {
  weekday: number;
  start: string;
  end: string;
}

/**
 * Replaces the mentor's whole availability (stream `availability-<mentorId>`). The handler
 * takes `mentorId` from the token and `timezone` from the input or the member's profile.
 */
export interface SetAvailability {
  type: 'SetAvailability';
  data: {
    mentorId: string;
    timezone: string;
    windows: AvailabilityWindowInput[];
    blackoutDates?: string[] | null;
    now: Date;
  };
}

export function setAvailability({ data }: SetAvailability, state: AvailabilityState): AvailabilityEvent[] {
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
