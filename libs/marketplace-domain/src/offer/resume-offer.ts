import { DomainError, type OfferEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { existingOwnedBy, notRetired } from './offer.checks.js';
import type { OfferState } from './offer.state.js';

export interface ResumeOffer {
  type: 'ResumeOffer';
  data: { offerId: string; actorId: string; now: Date };
}

export function resumeOffer({ data }: ResumeOffer, state: OfferState): OfferEvent[] {
  const current = existingOwnedBy(state, data.actorId);
  notRetired(current);
  if (current.status !== 'PAUSED') throw new DomainError('CONFLICT', 'Only a paused offer can be resumed.', 'id');
  return [{ type: 'OfferResumed', data: { offerId: current.offer.offerId, mentorId: current.offer.mentorId, resumedAt: iso(data.now) } }];
}
