import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { sealable } from '../personal-data.js';
import { TOPICS } from '../topics.js';
import { capacityPeriodSchema, helpKindSchema } from './marketplace.enums.js';

/** Streams of the offer aggregate are named `offer-<offerId>`. */
export const offerStreamId = (offerId: string): string => `offer-${offerId}`;

/** The full description of an offer; published and updated events both carry all of it. */
const offerDetails = {
  offerId: z.uuid(),
  mentorId: z.uuid(),
  kind: helpKindSchema,
  /** Sealed with the mentor's key: the mentor's own words (personal-data.ts). */
  title: sealable(z.string().min(5).max(100)),
  description: sealable(z.string().min(20).max(2000)),
  topics: z.array(z.string().min(2).max(40)).min(1).max(10),
  capacity: z.number().int().min(1).max(50),
  period: capacityPeriodSchema,
  /** Calls only (ADVICE_CALL, MOCK_INTERVIEW); null for every other kind. */
  durationMinutes: z.number().int().min(15).max(180).nullable(),
  /** REFERRAL only (≥ 1: a referral can never be made without a relationship); null otherwise. */
  minCompletedEngagements: z.number().int().min(1).max(20).nullable(),
  /** REFERRAL only: accept only a confirmed worked-together attestation as the relationship. */
  workedTogetherOnly: z.boolean(),
};

export const offerPublishedData = z.object({ ...offerDetails, publishedAt: z.iso.datetime() });
export type OfferPublishedData = z.infer<typeof offerPublishedData>;

export const offerUpdatedData = z.object({ ...offerDetails, updatedAt: z.iso.datetime() });
export type OfferUpdatedData = z.infer<typeof offerUpdatedData>;

export const offerPausedData = z.object({ offerId: z.uuid(), mentorId: z.uuid(), pausedAt: z.iso.datetime() });
export type OfferPausedData = z.infer<typeof offerPausedData>;

export const offerResumedData = z.object({ offerId: z.uuid(), mentorId: z.uuid(), resumedAt: z.iso.datetime() });
export type OfferResumedData = z.infer<typeof offerResumedData>;

export const offerRetiredData = z.object({ offerId: z.uuid(), mentorId: z.uuid(), retiredAt: z.iso.datetime() });
export type OfferRetiredData = z.infer<typeof offerRetiredData>;

export const OfferEventTypes = {
  OfferPublished: 'OfferPublished',
  OfferUpdated: 'OfferUpdated',
  OfferPaused: 'OfferPaused',
  OfferResumed: 'OfferResumed',
  OfferRetired: 'OfferRetired',
} as const;

export type OfferPublished = DomainEvent<'OfferPublished', OfferPublishedData>;
export type OfferUpdated = DomainEvent<'OfferUpdated', OfferUpdatedData>;
export type OfferPaused = DomainEvent<'OfferPaused', OfferPausedData>;
export type OfferResumed = DomainEvent<'OfferResumed', OfferResumedData>;
export type OfferRetired = DomainEvent<'OfferRetired', OfferRetiredData>;
export type OfferEvent = OfferPublished | OfferUpdated | OfferPaused | OfferResumed | OfferRetired;

export const offerEventCatalog = {
  [OfferEventTypes.OfferPublished]: { topic: TOPICS.marketplaceOffer, schemaVersion: 1, integration: true, schema: offerPublishedData },
  [OfferEventTypes.OfferUpdated]: { topic: TOPICS.marketplaceOffer, schemaVersion: 1, integration: true, schema: offerUpdatedData },
  [OfferEventTypes.OfferPaused]: { topic: TOPICS.marketplaceOffer, schemaVersion: 1, integration: true, schema: offerPausedData },
  [OfferEventTypes.OfferResumed]: { topic: TOPICS.marketplaceOffer, schemaVersion: 1, integration: true, schema: offerResumedData },
  [OfferEventTypes.OfferRetired]: { topic: TOPICS.marketplaceOffer, schemaVersion: 1, integration: true, schema: offerRetiredData },
} as const;
