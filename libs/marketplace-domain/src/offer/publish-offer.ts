import { DomainError, type CapacityPeriod, type HelpKind, type OfferEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { durationFor, minEngagementsFor, normalizeTopics, validCapacity, validDescription, validKind, validPeriod, validTitle, workedTogetherOnlyFor } from './offer.rules.js';
import type { OfferDetails, OfferState } from './offer.state.js';

export interface PublishOffer {
  type: 'PublishOffer';
  data: {
    offerId: string;
    actorId: string;
    kind: HelpKind;
    title: string;
    description: string;
    topics: string[];
    capacity: number;
    period: CapacityPeriod;
    /** Required for ADVICE_CALL and MOCK_INTERVIEW; ignored for other kinds. */
    durationMinutes?: number | null;
    /** REFERRAL only (default 1, 1–20); ignored for other kinds. Zero cannot switch the rule off. */
    minCompletedEngagements?: number | null;
    /** REFERRAL only: accept only a confirmed worked-together attestation as the relationship. */
    workedTogetherOnly?: boolean | null;
    now: Date;
  };
}

export function publishOffer({ data }: PublishOffer, state: OfferState): OfferEvent[] {
  if (state.status !== 'NONE') throw new DomainError('CONFLICT', 'This offer already exists.', 'id');
  const kind = validKind(data.kind);
  const offer: OfferDetails = {
    offerId: data.offerId,
    mentorId: data.actorId,
    kind,
    title: validTitle(data.title),
    description: validDescription(data.description),
    topics: normalizeTopics(data.topics),
    capacity: validCapacity(data.capacity),
    period: validPeriod(data.period),
    durationMinutes: durationFor(kind, data.durationMinutes),
    minCompletedEngagements: minEngagementsFor(kind, data.minCompletedEngagements),
    workedTogetherOnly: workedTogetherOnlyFor(kind, data.workedTogetherOnly),
  };
  return [{ type: 'OfferPublished', data: { ...offer, publishedAt: iso(data.now) } }];
}
