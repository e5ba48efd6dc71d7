import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { Offer } from '../offer.type.js';
import { PublishOfferCommand } from './publish-offer.command.js';
import { PublishOfferInput } from './publish-offer.input.js';

@Resolver(() => Offer)
export class PublishOfferResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Offer)
  publishOffer(@Args('input') input: PublishOfferInput, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Offer> {
    return this.commands.execute(new PublishOfferCommand(memberActor(requireViewer(viewer, 'publish an offer'), correlationId), input));
  }
}
