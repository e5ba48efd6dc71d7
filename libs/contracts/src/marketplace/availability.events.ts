import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { TOPICS } from '../topics.js';

/** One availability stream per mentor: `availability-<mentorId>`. */
export const availabilityStreamId = (mentorId: string): string => `availability-${mentorId}`;

/** A weekly window in the mentor's time zone; `end` may be `24:00` (until midnight). */
export const availabilityWindowSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  end: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/),
});
export type AvailabilityWindow = z.infer<typeof availabilityWindowSchema>;

/** The whole availability is replaced each time: windows sorted by weekday and start, dates sorted. */
export const availabilitySetData = z.object({
  mentorId: z.uuid(),
  timezone: z.string().min(1),
  windows: z.array(availabilityWindowSchema).max(28),
  blackoutDates: z.array(z.iso.date()).max(366),
  setAt: z.iso.datetime(),
});
export type AvailabilitySetData = z.infer<typeof availabilitySetData>;

export const AvailabilityEventTypes = { AvailabilitySet: 'AvailabilitySet' } as const;

export type AvailabilitySet = DomainEvent<'AvailabilitySet', AvailabilitySetData>;
export type AvailabilityEvent = AvailabilitySet;

export const availabilityEventCatalog = {
  [AvailabilityEventTypes.AvailabilitySet]: { topic: TOPICS.marketplaceAvailability, schemaVersion: 1, integration: true, schema: availabilitySetData },
} as const;
