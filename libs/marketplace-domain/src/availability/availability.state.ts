import type { AvailabilityEvent, AvailabilityWindow } from '@payforward/contracts';

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
