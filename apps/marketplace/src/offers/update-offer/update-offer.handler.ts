import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { offerStreamId } from '@payforward/contracts';
import { offerDecider } from '@payforward/marketplace-domain';
import { knownId } from '../../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import type { Offer } from '../offer.type.js';
import { findOffer } from '../offers.read-model.js';
import { UpdateOfferCommand } from './update-offer.command.js';

/** Only the offer's mentor may change it (the decider checks); a capacity change shows on the dashboard at once. */
@CommandHandler(UpdateOfferCommand)
export class UpdateOfferHandler implements ICommandHandler<UpdateOfferCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, offerId, input }: UpdateOfferCommand): Promise<Offer> {
    const id = knownId(offerId, 'id', 'offer');
    return this.sessions.run(metadataOf(actor), async (s) => {
      await s.execute(offerStreamId(id), offerDecider, { type: 'UpdateOffer', data: { ...input, offerId: id, actorId: actor.id, now: s.now } });
      return (await findOffer(s.tx, id, s.now))!;
    });
  }
}
