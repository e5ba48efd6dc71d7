import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { TOPICS } from '../topics.js';

/**
 * One stream per seeker, `seeker-pending-<seekerId>`, holding the seeker's pending (SUBMITTED)
 * requests: the consistency boundary for "at most 3 pending, 1 per mentor" under concurrency.
 */
export const seekerPendingStreamId = (seekerId: string): string => `seeker-pending-${seekerId}`;

export const pendingSlotTakenData = z.object({
  seekerId: z.uuid(),
  requestId: z.uuid(),
  mentorId: z.uuid(),
  /** Pending requests held after this one. */
  pending: z.number().int().min(1),
  takenAt: z.iso.datetime(),
});
export type PendingSlotTakenData = z.infer<typeof pendingSlotTakenData>;

export const pendingSlotFreedData = z.object({
  seekerId: z.uuid(),
  requestId: z.uuid(),
  mentorId: z.uuid(),
  pending: z.number().int().min(0),
  freedAt: z.iso.datetime(),
});
export type PendingSlotFreedData = z.infer<typeof pendingSlotFreedData>;

export const SeekerPendingEventTypes = { PendingSlotTaken: 'PendingSlotTaken', PendingSlotFreed: 'PendingSlotFreed' } as const;

export type PendingSlotTaken = DomainEvent<'PendingSlotTaken', PendingSlotTakenData>;
export type PendingSlotFreed = DomainEvent<'PendingSlotFreed', PendingSlotFreedData>;
export type SeekerPendingEvent = PendingSlotTaken | PendingSlotFreed;

/**
 * Internal (ADR 012): bookkeeping of the pending limit, a consistency boundary of the marketplace's own;
 * other services see the same facts as HelpRequestSubmitted and the events that leave SUBMITTED. Stored, never published.
 */
export const seekerPendingEventCatalog = {
  [SeekerPendingEventTypes.PendingSlotTaken]: { topic: TOPICS.marketplaceHelpRequest, schemaVersion: 1, integration: false, schema: pendingSlotTakenData },
  [SeekerPendingEventTypes.PendingSlotFreed]: { topic: TOPICS.marketplaceHelpRequest, schemaVersion: 1, integration: false, schema: pendingSlotFreedData },
} as const;
