import type { CapacityPeriod, OfferStatus } from '../gql/graphql';

/** What the dashboard receives per offer: the load in the current capacity period. */
export interface OfferLoadInput {
  used: number;
  remaining: number;
  periodStart: string;
  periodEnd: string;
  offer: { capacity: number; period: CapacityPeriod; status: OfferStatus };
}

export type CapacityTone = 'open' | 'low' | 'full' | 'over';

export interface CapacityView {
  used: number;
  remaining: number;
  /** The bar's full width: the offer's capacity, or what was used if the mentor lowered it mid-period. */
  total: number;
  /** 0–100, for the bar and its aria-valuenow. */
  percentUsed: number;
  tone: CapacityTone;
  /** "2 of 3 used · 1 left this week" */
  label: string;
  /** "Renews in 3 days, on Mon 1 Dec" */
  renews: string;
  /** A sentence when the numbers need one (over capacity, paused, retired). */
  note: string | null;
}

const DAY_MS = 86_400_000;
const renewDate = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

function renewsIn(periodEnd: string, now: Date): string {
  const end = new Date(periodEnd);
  const ms = end.getTime() - now.getTime();
  if (ms <= 0) return 'Renews now';
  const hours = Math.ceil(ms / 3_600_000);
  const when = hours < 24 ? `in ${hours} hour${hours === 1 ? '' : 's'}` : `in ${Math.ceil(ms / DAY_MS)} day${Math.ceil(ms / DAY_MS) === 1 ? '' : 's'}`;
  return `Renews ${when}, on ${renewDate.format(end)}`;
}

/**
 * The capacity bar's numbers and words for one offer. The server decides capacity under
 * concurrency; this only presents its `used` and `remaining`, including the awkward cases: a
 * capacity lowered below what was already accepted, and offers that are paused or retired.
 */
export function capacityView(load: OfferLoadInput, now: Date = new Date()): CapacityView {
  const used = Math.max(0, load.used);
  const remaining = Math.max(0, load.remaining);
  const capacity = Math.max(0, load.offer.capacity);
  const total = Math.max(capacity, used + remaining, 1);
  const over = used > capacity;
  const percentUsed = Math.min(100, Math.round((used / total) * 100));
  let tone: CapacityTone;
  if (over) tone = 'over';
  else if (remaining === 0) tone = 'full';
  else if (remaining / Math.max(capacity, 1) <= 0.34) tone = 'low';
  else tone = 'open';

  const period = load.offer.period === 'WEEK' ? 'this week' : 'this month';
  const label = `${used} of ${capacity} used · ${remaining} left ${period}`;
  let note: string | null = null;
  if (over) note = `You accepted ${used - capacity} more than your current capacity of ${capacity}; nothing is cancelled, new requests wait for the next period.`;
  else if (load.offer.status === 'PAUSED') note = 'Paused: seekers cannot ask for it until you resume it.';
  else if (load.offer.status === 'RETIRED') note = 'Retired: accepted sessions still happen, no new requests.';
  else if (remaining === 0) note = 'Full for now: new requests can still arrive, and you can accept them next period.';
  return { used, remaining, total, percentUsed, tone, label, renews: renewsIn(load.periodEnd, now), note };
}

/** Offers in the order a mentor triages them: active first, then by how full they are. */
export function sortLoads<T extends OfferLoadInput>(loads: readonly T[]): T[] {
  const rank = (s: OfferStatus) => (s === 'ACTIVE' ? 0 : s === 'PAUSED' ? 1 : 2);
  return [...loads].sort((a, b) => rank(a.offer.status) - rank(b.offer.status) || a.remaining - b.remaining);
}
