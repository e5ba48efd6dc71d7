import { DomainError, type OfferEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { existingOwnedBy, notRetired } from './offer.checks.js';
import type { OfferState } from './offer.state.js';

export interface PauseOffer {
  type: 'PauseOffer';
  data: { offerId: string; actorId: string; now: Date };
}

export function pauseOffer({ data }: PauseOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  if (current.status !== 'ACTIVE') throw new DomainError('CONFLICT', 'Only an active offer can be paused.', 'id');
  return [{ type: 'OfferPaused', data: { offerId: current.offer.offerId, mentorId: current.offer.mentorId, pausedAt: iso(data.now) } }];
}
