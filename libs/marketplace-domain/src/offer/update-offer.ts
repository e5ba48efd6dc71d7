import type { CapacityPeriod, OfferEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { existingOwnedBy, notRetired } from './offer.checks.js';
import { durationFor, minEngagementsFor, normalizeTopics, validCapacity, validDescription, validPeriod, validTitle, workedTogetherOnlyFor } from './offer.rules.js';
import type { OfferDetails, OfferState } from './offer.state.js';

/** Absent (undefined or null) fields keep their value; kind cannot change. */
export interface UpdateOffer {
  type: 'UpdateOffer';
  data: {
    offerId: string;
    actorId: string;
    title?: string | null;
    description?: string | null;
    topics?: string[] | null;
    capacity?: number | null;
    period?: CapacityPeriod | null;
    durationMinutes?: number | null;
    minCompletedEngagements?: number | null;
    workedTogetherOnly?: boolean | null;
    now: Date;
  };
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

export function updateOffer({ data }: UpdateOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  const { offer } = current;
  const next: OfferDetails = {
    ...offer,
    title: given(data.title) ? validTitle(data.title) : offer.title,
    description: given(data.description) ? validDescription(data.description) : offer.description,
    topics: given(data.topics) ? normalizeTopics(data.topics) : offer.topics,
    capacity: given(data.capacity) ? validCapacity(data.capacity) : offer.capacity,
    period: given(data.period) ? validPeriod(data.period) : offer.period,
    durationMinutes: given(data.durationMinutes) ? durationFor(offer.kind, data.durationMinutes) : offer.durationMinutes,
    minCompletedEngagements: given(data.minCompletedEngagements)
      ? minEngagementsFor(offer.kind, data.minCompletedEngagements)
      : offer.minCompletedEngagements,
    workedTogetherOnly: given(data.workedTogetherOnly)
      ? workedTogetherOnlyFor(offer.kind, data.workedTogetherOnly)
      : offer.workedTogetherOnly,
  };
  // An update that changes nothing records nothing: replays and retries stay quiet.
  if (JSON.stringify(next) === JSON.stringify(offer)) return [];
  return [{ type: 'OfferUpdated', data: { ...next, updatedAt: iso(data.now) } }];
}
