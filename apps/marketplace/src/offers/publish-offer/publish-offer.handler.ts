import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { offerStreamId } from '@payforward/contracts';
import { offerDecider } from '@payforward/marketplace-domain';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import type { Offer } from '../offer.type.js';
import { findOffer } from '../offers.read-model.js';
import { PublishOfferCommand } from './publish-offer.command.js';

/** A new offer stream (the decider refuses an existing one), projected into `offers` in the same transaction. */
@CommandHandler(PublishOfferCommand)
export class PublishOfferHandler implements ICommandHandler<PublishOfferCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, input }: PublishOfferCommand): Promise<Offer> {
    const offerId = uuidv7();
    return this.sessions.run(metadataOf(actor), async (s) => {
      await s.execute(offerStreamId(offerId), offerDecider, { type: 'PublishOffer', data: { ...input, offerId, actorId: actor.id, now: s.now } });
      return (await findOffer(s.tx, offerId, s.now))!;
    });
  }
}
