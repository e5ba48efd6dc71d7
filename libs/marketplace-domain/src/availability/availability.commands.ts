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

export type AvailabilityCommand = SetAvailability;
