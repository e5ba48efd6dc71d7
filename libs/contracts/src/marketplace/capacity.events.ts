import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { TOPICS } from '../topics.js';
import { periodKeySchema } from './marketplace.enums.js';

/**
 * The capacity ledger of one offer in one period (UTC): `capacity-<offerId>-<periodKey>`.
 * It is the consistency boundary for accepts: every reservation is appended to this one
 * stream with an expected version, so concurrent accepts serialize and never overbook.
 */
export const capacityStreamId = (offerId: string, periodKey: string): string => `capacity-${offerId}-${periodKey}`;

/** Why a reservation was given back (completed and no-show engagements keep theirs). */
export const CAPACITY_RELEASE_REASONS = ['INTRO_DECLINED', 'ACCEPT_ABORTED'] as const;
export type CapacityReleaseReason = (typeof CAPACITY_RELEASE_REASONS)[number];

export const capacityReservedData = z.object({
  offerId: z.uuid(),
  periodKey: periodKeySchema,
  requestId: z.uuid(),
  /** The offer's capacity when the reservation was made. */
  capacity: z.number().int().min(1),
  /** Reservations held in the period after this one (for the dashboard's used/remaining). */
  used: z.number().int().min(1),
  reservedAt: z.iso.datetime(),
});
export type CapacityReservedData = z.infer<typeof capacityReservedData>;

export const capacityReleasedData = z.object({
  offerId: z.uuid(),
  periodKey: periodKeySchema,
  requestId: z.uuid(),
  reason: z.enum(CAPACITY_RELEASE_REASONS),
  used: z.number().int().min(0),
  releasedAt: z.iso.datetime(),
});
export type CapacityReleasedData = z.infer<typeof capacityReleasedData>;

export const CapacityEventTypes = { CapacityReserved: 'CapacityReserved', CapacityReleased: 'CapacityReleased' } as const;

export type CapacityReserved = DomainEvent<'CapacityReserved', CapacityReservedData>;
export type CapacityReleased = DomainEvent<'CapacityReleased', CapacityReleasedData>;
export type CapacityEvent = CapacityReserved | CapacityReleased;

/**
 * Internal (ADR 012): the capacity ledger is the marketplace's own consistency boundary, read by its
 * inline projection; other services learn of acceptances from HelpRequestAccepted. Stored, never published.
 */
export const capacityEventCatalog = {
  [CapacityEventTypes.CapacityReserved]: { topic: TOPICS.marketplaceOffer, schemaVersion: 1, integration: false, schema: capacityReservedData },
  [CapacityEventTypes.CapacityReleased]: { topic: TOPICS.marketplaceOffer, schemaVersion: 1, integration: false, schema: capacityReleasedData },
} as const;
