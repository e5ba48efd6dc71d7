import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { Offer } from '../offer.type.js';
import { UpdateOfferCommand } from './update-offer.command.js';
import { UpdateOfferInput } from './update-offer.input.js';

@Resolver(() => Offer)
export class UpdateOfferResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Offer)
  updateOffer(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOfferInput,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<Offer> {
    return this.commands.execute(new UpdateOfferCommand(memberActor(requireViewer(viewer, 'change an offer'), correlationId), id, input));
  }
}
