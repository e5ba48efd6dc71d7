import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { Offer } from '../offer.type.js';
import type { PublishOfferInput } from './publish-offer.input.js';

export class PublishOfferCommand extends Command<Offer> {
  constructor(
    readonly actor: Actor,
    readonly input: PublishOfferInput,
  ) {
    super();
  }
}
