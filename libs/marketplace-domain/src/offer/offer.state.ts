import type { CapacityPeriod, HelpKind, OfferEvent, OfferStatus } from '@payforward/contracts';

export interface OfferDetails {
  offerId: string;
  mentorId: string;
  kind: HelpKind;
  title: string;
  description: string;
  topics: string[];
  capacity: number;
  period: CapacityPeriod;
  durationMinutes: number | null;
  minCompletedEngagements: number | null;
  workedTogetherOnly: boolean;
}

export type OfferState = { status: 'NONE' } | { status: OfferStatus; offer: OfferDetails; publishedAt: string };

export const initialOfferState = (): OfferState => ({ status: 'NONE' });

export function evolveOffer(state: OfferState, event: OfferEvent): OfferState {
  switch (event.type) {
    case 'OfferPublished': {
      const { publishedAt, ...offer } = event.data;
      return { status: 'ACTIVE', offer, publishedAt };
    }
    case 'OfferUpdated': {
      if (state.status === 'NONE') return state;
      const { updatedAt: _updatedAt, ...offer } = event.data;
      return { ...state, offer };
    }
    case 'OfferPaused':
      return state.status === 'NONE' ? state : { ...state, status: 'PAUSED' };
    case 'OfferResumed':
      return state.status === 'NONE' ? state : { ...state, status: 'ACTIVE' };
    case 'OfferRetired':
      return state.status === 'NONE' ? state : { ...state, status: 'RETIRED' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
