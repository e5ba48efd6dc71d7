import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Offer, OfferConnection, OfferFilter } from '../offer.type.js';
import { GetOfferQuery, SearchOffersQuery } from './browse-offers.query.js';

@Resolver(() => Offer)
export class BrowseOffersResolver {
  constructor(private readonly queries: QueryBus) {}

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
}
