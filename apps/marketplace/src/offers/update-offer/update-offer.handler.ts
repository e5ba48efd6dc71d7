import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { offerStreamId } from '@payforward/contracts';
import { offerDecider } from '@payforward/marketplace-domain';
import { knownId } from '../../shared/ids.js';
import { MarketplaceWriter } from '../../shared/marketplace.writer.js';
import type { Offer } from '../offer.type.js';
import { findOffer } from '../offers.read-model.js';
import { UpdateOfferCommand } from './update-offer.command.js';

/** Only the offer's mentor may change it (the decider checks); a capacity change shows on the dashboard at once. */
@CommandHandler(UpdateOfferCommand)
export class UpdateOfferHandler implements ICommandHandler<UpdateOfferCommand> {
  constructor(private readonly writer: MarketplaceWriter) {}

  execute({ actor, offerId, input }: UpdateOfferCommand): Promise<Offer> {
    const id = knownId(offerId, 'id', 'offer');
    return this.writer.run(actor, async (w) => {
      await w.execute(offerStreamId(id), offerDecider, { type: 'UpdateOffer', data: { ...input, offerId: id, actorId: actor.id, now: w.now } });
      return (await findOffer(w.tx, id, w.now))!;
    });
  }
}
