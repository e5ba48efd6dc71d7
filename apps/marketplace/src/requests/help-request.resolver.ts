import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { Offer } from '../offers/offer.type.js';
import { findOffer } from '../offers/offers.read-model.js';
import { CLOCK, type Clock } from '../shared/clock.js';
import { HelpRequest } from './help-request.type.js';

/** HelpRequest's fields resolved on demand, whichever use case returned the request. */
@Resolver(() => HelpRequest)
export class HelpRequestFieldsResolver {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The offer as it is now (its remaining capacity included). */
  @ResolveField(() => Offer)
  async offer(@Parent() request: HelpRequest): Promise<Offer> {
    return (await findOffer(this.pool, request.offerId, this.clock.now()))!;
  }
}
