import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CorrelationId, CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { memberActor } from '../shared/actor.js';
import { GetOfferQuery, SearchOffersQuery } from './browse-offers/browse-offers.query.js';
import { ChangeOfferStatusCommand, type OfferStatusChange } from './change-offer-status/change-offer-status.command.js';
import { Offer, OfferConnection, OfferFilter } from './offer.type.js';
import { PublishOfferCommand } from './publish-offer/publish-offer.command.js';
import { PublishOfferInput } from './publish-offer/publish-offer.input.js';
import { UpdateOfferCommand } from './update-offer/update-offer.command.js';
import { UpdateOfferInput } from './update-offer/update-offer.input.js';

@Resolver(() => Offer)
export class OffersResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Query(() => OfferConnection, { description: 'Offers to browse (ACTIVE unless the filter says otherwise), newest first; open to anonymous callers.' })
  offers(
    @Args('filter', { type: () => OfferFilter, nullable: true }) filter?: OfferFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<OfferConnection> {
    return this.queries.execute(new SearchOffersQuery(filter, first, after));
  }

  @Query(() => Offer, { nullable: true })
  offer(@Args('id', { type: () => ID }) id: string): Promise<Offer | null> {
    return this.queries.execute(new GetOfferQuery(id));
  }

  @Mutation(() => Offer)
  publishOffer(@Args('input') input: PublishOfferInput, @CurrentViewer() viewer: Viewer | null, @CorrelationId() correlationId: string): Promise<Offer> {
    return this.commands.execute(new PublishOfferCommand(memberActor(requireViewer(viewer, 'publish an offer'), correlationId), input));
  }

  @Mutation(() => Offer)
  updateOffer(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOfferInput,
    @CurrentViewer() viewer: Viewer | null,
    @CorrelationId() correlationId: string,
  ): Promise<Offer> {
    return this.commands.execute(new UpdateOfferCommand(memberActor(requireViewer(viewer, 'change an offer'), correlationId), id, input));
  }

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
