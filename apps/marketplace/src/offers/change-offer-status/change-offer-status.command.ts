import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { Offer } from '../offer.type.js';

export type OfferStatusChange = 'PauseOffer' | 'ResumeOffer' | 'RetireOffer';

/** pauseOffer / resumeOffer / retireOffer: the same shape, one decider command each. */
export class ChangeOfferStatusCommand extends Command<Offer> {
  constructor(
    readonly actor: Actor,
    readonly offerId: string,
    readonly change: OfferStatusChange,
  ) {
    super();
  }
}
