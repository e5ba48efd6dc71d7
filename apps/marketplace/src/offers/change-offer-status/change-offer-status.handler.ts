import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { offerStreamId } from '@payforward/contracts';
import { offerDecider } from '@payforward/marketplace-domain';
import { knownId } from '../../shared/ids.js';
import { MarketplaceWriter } from '../../shared/marketplace.writer.js';
import type { Offer } from '../offer.type.js';
import { findOffer } from '../offers.read-model.js';
import { ChangeOfferStatusCommand } from './change-offer-status.command.js';

/** Retiring never touches accepted engagements: it only stops new requests (the decider's rule). */
@CommandHandler(ChangeOfferStatusCommand)
export class ChangeOfferStatusHandler implements ICommandHandler<ChangeOfferStatusCommand> {
  constructor(private readonly writer: MarketplaceWriter) {}

  execute({ actor, offerId, change }: ChangeOfferStatusCommand): Promise<Offer> {
    const id = knownId(offerId, 'id', 'offer');
    return this.writer.run(actor, async (w) => {
      await w.execute(offerStreamId(id), offerDecider, { type: change, data: { offerId: id, actorId: actor.id, now: w.now } });
      return (await findOffer(w.tx, id, w.now))!;
    });
  }
}
