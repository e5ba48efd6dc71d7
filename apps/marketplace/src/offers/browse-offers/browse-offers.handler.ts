import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { badInput } from '@payforward/contracts';
import { PG_POOL } from '@payforward/platform';
import { CLOCK, type Clock } from '../../shared/clock.js';
import { isUuid } from '../../shared/ids.js';
import type { Offer, OfferConnection } from '../offer.type.js';
import { findOffer, searchOffers } from '../offers.read-model.js';
import { GetOfferQuery, SearchOffersQuery } from './browse-offers.query.js';

const PAGE = { default: 20, max: 100 } as const;
const MAX_SEARCH_TEXT = 200;

/** Cursors are opaque to clients: the last offer id of a page, base64url-encoded. */
const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
const decodeCursor = (cursor: string): string => {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw badInput('after', 'This is not a cursor of this list; pass an endCursor you received.');
  return id;
};

/** Browsing is open to anyone, signed in or not: only offers, never requests or people's contacts. */
@QueryHandler(SearchOffersQuery)
export class SearchOffersHandler implements IQueryHandler<SearchOffersQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, first, after }: SearchOffersQuery): Promise<OfferConnection> {
    const size = first ?? PAGE.default;
    if (!Number.isInteger(size) || size < 1 || size > PAGE.max) throw badInput('first', `first must be between 1 and ${PAGE.max}.`);
    const mentorId = filter?.mentorId ?? null;
    if (mentorId !== null && !isUuid(mentorId)) throw badInput('filter.mentorId', 'This is not a member id.');
    const text = filter?.text?.trim() || null;
    if (text !== null && text.length > MAX_SEARCH_TEXT) throw badInput('filter.text', `Search text must be at most ${MAX_SEARCH_TEXT} characters.`);
    // Topics are stored normalized (trimmed, single spaces, lower case); the filter is read the same way.
    const topic = filter?.topic?.trim().replace(/\s+/g, ' ').toLowerCase() || null;
    const page = await searchOffers(
      this.pool,
      {
        kind: filter?.kind ?? null,
        topic,
        mentorId: mentorId?.toLowerCase() ?? null,
        text,
        status: filter?.status ?? 'ACTIVE',
        first: size,
        after: after == null ? null : decodeCursor(after),
      },
      this.clock.now(),
    );
    const last = page.nodes[page.nodes.length - 1];
    return { ...page, endCursor: last ? encodeCursor(last.id) : null };
  }
}

@QueryHandler(GetOfferQuery)
export class GetOfferHandler implements IQueryHandler<GetOfferQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An id that names no offer answers null, as the contract's nullable field says. */
  execute({ offerId }: GetOfferQuery): Promise<Offer | null> {
    return isUuid(offerId) ? findOffer(this.pool, offerId, this.clock.now()) : Promise.resolve(null);
  }
}
