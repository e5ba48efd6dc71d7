import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { offerStreamId } from '@payforward/contracts';
import { offerDecider } from '@payforward/marketplace-domain';
import { knownId } from '../../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import type { Offer } from '../offer.type.js';
import { findOffer } from '../offers.read-model.js';
import { ChangeOfferStatusCommand } from './change-offer-status.command.js';

/** Retiring never touches accepted engagements: it only stops new requests (the decider's rule). */
@CommandHandler(ChangeOfferStatusCommand)
export class ChangeOfferStatusHandler implements ICommandHandler<ChangeOfferStatusCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, offerId, change }: ChangeOfferStatusCommand): Promise<Offer> {
    const id = knownId(offerId, 'id', 'offer');
    return this.sessions.run(metadataOf(actor), async (s) => {
      await s.execute(offerStreamId(id), offerDecider, { type: change, data: { offerId: id, actorId: actor.id, now: s.now } });
      return (await findOffer(s.tx, id, s.now))!;
    });
  }
}
