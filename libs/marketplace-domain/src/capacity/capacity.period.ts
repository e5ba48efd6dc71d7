import type { CapacityPeriod } from '@payforward/contracts';

/**
 * Capacity periods are UTC — one clock for every mentor, seeker and server, so a period's
 * ledger stream is the same wherever the accept is handled:
 * - WEEK: the ISO week, Monday 00:00 UTC to the next Monday, keyed `2026-W48` (ISO week-year);
 * - MONTH: the calendar month, the 1st 00:00 UTC to the next 1st, keyed `2026-11`.
 * An acceptance counts in the period containing the moment it was accepted (not the session's
 * date): the offer promises "N accepted engagements per period".
 */
export interface CapacityPeriodWindow {
  period: CapacityPeriod;
  key: string;
  /** Inclusive. */
  start: Date;
  /** Exclusive: the next period's start. */
  end: Date;
}

const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

export function periodFor(period: CapacityPeriod, at: Date): CapacityPeriodWindow {
  if (!Number.isFinite(at.getTime())) throw new RangeError('periodFor needs a valid instant');
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  if (period === 'MONTH') {
    return { period, key: `${year}-${pad(month + 1)}`, start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
  }
  const midnight = Date.UTC(year, month, at.getUTCDate());
  const weekday = new Date(midnight).getUTCDay() || 7; // ISO: Monday 1 … Sunday 7
  const monday = midnight - (weekday - 1) * DAY_MS;
  // The ISO week belongs to the year of its Thursday; week 1 is the week with January 4th.
  const thursday = new Date(monday + 3 * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return { period, key: `${isoYear}-W${pad(week)}`, start: new Date(monday), end: new Date(monday + 7 * DAY_MS) };
}
