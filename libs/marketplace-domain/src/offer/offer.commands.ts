import type { CapacityPeriod, HelpKind } from '@payforward/contracts';

/**
 * Commands on the offer aggregate (stream `offer-<offerId>`). `actorId` is the signed-in
 * member, injected by the handler from the token; `now` comes from the handler's clock.
 * Values arrive as the API received them: the decider validates and normalizes them.
 */
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

export interface PauseOffer {
  type: 'PauseOffer';
  data: { offerId: string; actorId: string; now: Date };
}

export interface ResumeOffer {
  type: 'ResumeOffer';
  data: { offerId: string; actorId: string; now: Date };
}

/** Retiring never cancels accepted engagements: it only stops new requests for good. */
export interface RetireOffer {
  type: 'RetireOffer';
  data: { offerId: string; actorId: string; now: Date };
}

export type OfferCommand = PublishOffer | UpdateOffer | PauseOffer | ResumeOffer | RetireOffer;
