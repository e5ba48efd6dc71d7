import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { Offer } from '../offer.type.js';
import type { UpdateOfferInput } from './update-offer.input.js';

export class UpdateOfferCommand extends Command<Offer> {
  constructor(
    readonly actor: Actor,
    readonly offerId: string,
    readonly input: UpdateOfferInput,
  ) {
    super();
  }
}
