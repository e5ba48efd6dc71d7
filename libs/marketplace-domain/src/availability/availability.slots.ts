import { MINUTE_MS } from '../shared/input.rules.js';
import type { Availability } from './availability.state.js';
import { minutesOf } from './availability.rules.js';
import { addDays, isoWeekday, localDateTime, zonedTimeToUtc } from './availability.time-zone.js';

/** A session as an instant range, half-open: [start, end). */
export interface Slot {
  start: Date;
  end: Date;
}

export const slotOf = (start: Date, durationMinutes: number): Slot => ({
  start,
  end: new Date(start.getTime() + durationMinutes * MINUTE_MS),
});

/** Half-open ranges: a session ending at 10:00 does not overlap one starting at 10:00. */
export const slotsOverlap = (a: Slot, b: Slot): boolean =>
  a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

/** Free-slot candidates start every 30 minutes from each window's start. */
export const SLOT_STEP_MINUTES = 30;
/** `freeSlots` looks at most this far ahead (the dashboard uses 14 days). */
export const MAX_FREE_SLOT_RANGE_DAYS = 62;

/**
 * Whether a session starting at `startUtc` lies fully inside one weekly window, read on the
 * mentor's wall clock (so DST is honoured), and not on one of the mentor's blackout dates.
 * A session may end exactly at midnight but not run past it.
 */
export function isSlotAvailable(availability: Availability | null | undefined, startUtc: Date, durationMinutes: number): boolean {
  if (!availability || !Number.isFinite(startUtc.getTime()) || !(durationMinutes > 0)) return false;
  const { timezone, windows, blackoutDates } = availability;
  const start = localDateTime(startUtc, timezone);
  const end = localDateTime(slotOf(startUtc, durationMinutes).end, timezone);
  if (blackoutDates.includes(start.date)) return false;
  let endMinute: number;
  if (end.date === start.date) endMinute = end.minuteOfDay;
  else if (end.date === addDays(start.date, 1) && end.minuteOfDay === 0) endMinute = 24 * 60;
  else return false;
  if (endMinute <= start.minuteOfDay) return false;
  return windows.some(
    (w) => w.weekday === start.weekday && minutesOf(w.start) <= start.minuteOfDay && endMinute <= minutesOf(w.end),
  );
}

/**
 * Bookable slots of `durationMinutes` between `from` and `to` (UTC instants, the slot fully
 * inside), in 30-minute steps from each window's start, skipping blackout dates, wall times
 * a DST change skips, and anything overlapping `busy` (the mentor's accepted sessions).
 * The range is capped at MAX_FREE_SLOT_RANGE_DAYS so a careless caller cannot ask for years.
 */
export function freeSlots(
  availability: Availability | null | undefined,
  from: Date,
  to: Date,
  durationMinutes: number,
  busy: readonly Slot[] = [],
): Slot[] {
  if (!availability || !(durationMinutes > 0) || !(from.getTime() < to.getTime())) return [];
  const until = new Date(Math.min(to.getTime(), from.getTime() + MAX_FREE_SLOT_RANGE_DAYS * 24 * 60 * MINUTE_MS));
  const { timezone, windows, blackoutDates } = availability;
  const lastDay = localDateTime(until, timezone).date;
  const slots: Slot[] = [];
  for (let day = localDateTime(from, timezone).date; day <= lastDay; day = addDays(day, 1)) {
    if (blackoutDates.includes(day)) continue;
    const weekday = isoWeekday(day);
    for (const window of windows.filter((w) => w.weekday === weekday)) {
      for (let minute = minutesOf(window.start); minute + durationMinutes <= minutesOf(window.end); minute += SLOT_STEP_MINUTES) {
        const start = zonedTimeToUtc(day, minute, timezone);
        const wall = localDateTime(start, timezone);
        if (wall.date !== day || wall.minuteOfDay !== minute) continue; // a wall time DST skipped
        const slot = slotOf(start, durationMinutes);
        if (start < from || slot.end > until) continue;
        if (!isSlotAvailable(availability, start, durationMinutes)) continue;
        if (busy.some((b) => slotsOverlap(slot, b))) continue;
        slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}
