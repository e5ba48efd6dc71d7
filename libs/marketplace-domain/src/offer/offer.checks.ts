import { DomainError } from '@payforward/contracts';
import type { OfferState } from './offer.state.js';

export type ExistingOffer = Exclude<OfferState, { status: 'NONE' }>;

/** Only the offer's mentor may change it; a missing offer is NOT_FOUND whoever asks. */
export function existingOwnedBy(state: OfferState, actorId: string): ExistingOffer {
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'No such offer.', 'id');
  if (state.offer.mentorId !== actorId) throw new DomainError('FORBIDDEN', 'Only the mentor who published this offer can change it.', 'id');
  return state;
}

/** RETIRED is final: a retired offer is kept for history, never revived or edited. */
export function notRetired(state: ExistingOffer): void {
  if (state.status === 'RETIRED') throw new DomainError('CONFLICT', 'This offer is retired and can no longer change.', 'id');
}
