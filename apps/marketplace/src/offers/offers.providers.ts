import type { Provider } from '@nestjs/common';
import { GetOfferHandler, SearchOffersHandler } from './browse-offers/browse-offers.handler.js';
import { BrowseOffersResolver } from './browse-offers/browse-offers.resolver.js';
import { ChangeOfferStatusHandler } from './change-offer-status/change-offer-status.handler.js';
import { ChangeOfferStatusResolver } from './change-offer-status/change-offer-status.resolver.js';
import { PublishOfferHandler } from './publish-offer/publish-offer.handler.js';
import { PublishOfferResolver } from './publish-offer/publish-offer.resolver.js';
import { UpdateOfferHandler } from './update-offer/update-offer.handler.js';
import { UpdateOfferResolver } from './update-offer/update-offer.resolver.js';

/** Offers: each use case's resolver and handler. Resolver order is the schema's field order. */
export const OFFERS_PROVIDERS: Provider[] = [
  BrowseOffersResolver,
  SearchOffersHandler,
  GetOfferHandler,
  PublishOfferResolver,
  PublishOfferHandler,
  UpdateOfferResolver,
  UpdateOfferHandler,
  ChangeOfferStatusResolver,
  ChangeOfferStatusHandler,
];
