import { Query } from '@nestjs/cqrs';
import type { Offer, OfferConnection, OfferFilter } from '../offer.type.js';

export class SearchOffersQuery extends Query<OfferConnection> {
  constructor(
    readonly filter: OfferFilter | null | undefined,
    readonly first: number | null | undefined,
    readonly after: string | null | undefined,
  ) {
    super();
  }
}

export class GetOfferQuery extends Query<Offer | null> {
  constructor(readonly offerId: string) {
    super();
  }
}
