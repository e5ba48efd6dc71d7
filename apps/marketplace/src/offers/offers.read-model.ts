import type pg from 'pg';
import type { CapacityPeriod, HelpKind, OfferStatus } from '@payforward/contracts';
import { periodFor } from '@payforward/marketplace-domain';
import { memberRef } from '../shared/member.reference.js';
import type { Offer } from './offer.type.js';

type Db = pg.Pool | pg.ClientBase;

interface OfferRow {
  id: string;
  mentor_id: string;
  kind: HelpKind;
  title: string;
  description: string;
  topics: string[];
  capacity: number;
  period: CapacityPeriod;
  duration_minutes: number | null;
  min_completed_engagements: number | null;
  worked_together_only: boolean;
  status: OfferStatus;
  used: number;
}

/** Each offer's usage is read from its own period's ledger: the current ISO week or month (UTC). */
export const periodKeysAt = (now: Date): [week: string, month: string] => [periodFor('WEEK', now).key, periodFor('MONTH', now).key];

const SELECT_OFFER = `
  SELECT o.id, o.mentor_id, o.kind, o.title, o.description, o.topics, o.capacity, o.period, o.duration_minutes,
         o.min_completed_engagements, o.worked_together_only, o.status, coalesce(u.used, 0) AS used
  FROM offers o
  LEFT JOIN offer_capacity_usage u
    ON u.offer_id = o.id AND u.period_key = CASE o.period WHEN 'WEEK' THEN $1 ELSE $2 END`;

export const toOffer = (row: OfferRow): Offer => ({
  id: row.id,
  mentor: memberRef(row.mentor_id),
  kind: row.kind,
  title: row.title,
  description: row.description,
  topics: row.topics,
  capacity: row.capacity,
  period: row.period,
  durationMinutes: row.duration_minutes,
  remainingCapacity: Math.max(0, row.capacity - row.used),
  status: row.status,
  minCompletedEngagements: row.min_completed_engagements,
  workedTogetherOnly: row.worked_together_only,
  used: row.used,
});

export async function findOffer(db: Db, id: string, now: Date): Promise<Offer | null> {
  const { rows } = await db.query<OfferRow>({ name: 'marketplace-find-offer', text: `${SELECT_OFFER} WHERE o.id = $3`, values: [...periodKeysAt(now), id] });
  return rows[0] ? toOffer(rows[0]) : null;
}

/** A mentor's offers that still count (not retired), newest first: the dashboard's list. */
export async function offersOfMentor(db: Db, mentorId: string, now: Date): Promise<Offer[]> {
  const { rows } = await db.query<OfferRow>({
    name: 'marketplace-offers-of-mentor',
    text: `${SELECT_OFFER} WHERE o.mentor_id = $3 AND o.status <> 'RETIRED' ORDER BY o.id DESC`,
    values: [...periodKeysAt(now), mentorId],
  });
  return rows.map(toOffer);
}

export interface OfferSearch {
  kind: HelpKind | null;
  topic: string | null;
  mentorId: string | null;
  text: string | null;
  status: OfferStatus;
  first: number;
  /** Keyset cursor: the last id of the previous page (ids are UUIDv7, so newest first is id order). */
  after: string | null;
}

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchOffers(db: Db, search: OfferSearch, now: Date): Promise<{ nodes: Offer[]; totalCount: number; hasNextPage: boolean }> {
  // Parameters numbered from `n`: the page query puts the period keys first, the count query does not need them.
  const where = (n: number) => `o.status = $${n}
    AND ($${n + 1}::text IS NULL OR o.kind = $${n + 1})
    AND ($${n + 2}::text IS NULL OR $${n + 2} = ANY (o.topics))
    AND ($${n + 3}::uuid IS NULL OR o.mentor_id = $${n + 3})
    AND ($${n + 4}::text IS NULL OR o.title ILIKE $${n + 4} OR o.description ILIKE $${n + 4} OR array_to_string(o.topics, ' ') ILIKE $${n + 4})`;
  const filters = [search.status, search.kind, search.topic, search.mentorId, search.text === null ? null : likePattern(search.text)];
  const [page, count] = await Promise.all([
    db.query<OfferRow>({
      name: 'marketplace-search-offers',
      text: `${SELECT_OFFER} WHERE ${where(3)} AND ($8::uuid IS NULL OR o.id < $8) ORDER BY o.id DESC LIMIT $9`,
      values: [...periodKeysAt(now), ...filters, search.after, search.first + 1],
    }),
    db.query<{ n: string }>({ name: 'marketplace-count-offers', text: `SELECT count(*) AS n FROM offers o WHERE ${where(1)}`, values: filters }),
  ]);
  return {
    nodes: page.rows.slice(0, search.first).map(toOffer),
    totalCount: Number(count.rows[0]!.n),
    hasNextPage: page.rows.length > search.first,
  };
}
