import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../../shared/actor.js';
import { Offer } from '../offer.type.js';
import { ChangeOfferStatusCommand, type OfferStatusChange } from './change-offer-status.command.js';

@Resolver(() => Offer)
export class ChangeOfferStatusResolver {
  constructor(private readonly commands: CommandBus) {}

  @Mutation(() => Offer)
  pauseOffer(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Offer> {
    return this.changeStatus(id, 'PauseOffer', viewer, correlationId);
  }

  @Mutation(() => Offer)
  resumeOffer(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Offer> {
    return this.changeStatus(id, 'ResumeOffer', viewer, correlationId);
  }

  @Mutation(() => Offer)
  retireOffer(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Offer> {
    return this.changeStatus(id, 'RetireOffer', viewer, correlationId);
  }

  private changeStatus(id: string, change: OfferStatusChange, viewer: Viewer | null, correlationId: string): Promise<Offer> {
    return this.commands.execute(new ChangeOfferStatusCommand(memberActor(requireViewer(viewer, 'change an offer'), correlationId), id, change));
  }
}
