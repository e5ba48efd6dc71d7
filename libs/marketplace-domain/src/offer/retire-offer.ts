import type { OfferEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { existingOwnedBy, notRetired } from './offer.checks.js';
import type { OfferState } from './offer.state.js';

/** Retiring never cancels accepted engagements: it only stops new requests for good. */
export interface RetireOffer {
  type: 'RetireOffer';
  data: { offerId: string; actorId: string; now: Date };
}

export function retireOffer({ data }: RetireOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  return [{ type: 'OfferRetired', data: { offerId: current.offer.offerId, mentorId: current.offer.mentorId, retiredAt: iso(data.now) } }];
}
