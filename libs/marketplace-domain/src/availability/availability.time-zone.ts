/**
 * Time-zone arithmetic with nothing but Intl: the runtime's IANA database answers "what does
 * the wall clock in zone Z show at instant T", and everything else is derived from that —
 * including the zone's offset at T, which is what makes DST transitions come out right.
 */

/** A wall-clock reading in some zone: calendar date, ISO weekday (1 = Monday) and minutes since midnight (fractional for seconds). */
export interface LocalDateTime {
  date: string;
  weekday: number;
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's canonical IANA name (e.g. `europe/berlin` → `Europe/Berlin`), or null when the runtime does not know it. */
export function canonicalTimeZone(timeZone: unknown): string | null {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: timeZone.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const isValidTimeZone = (timeZone: unknown): boolean => canonicalTimeZone(timeZone) !== null;

/** Wall-clock fields at `instant` in `timeZone`, as a UTC timestamp with the same fields. */
function wallClockAsUtc(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
}

/** Minutes the zone is ahead of UTC at `instant` (Berlin in summer: 120; New York in winter: −300). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallClockAsUtc(instant, timeZone) - wholeSeconds) / 60_000);
}

export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const wall = new Date(wallClockAsUtc(instant, timeZone) + (instant.getTime() % 1000));
  const date = wall.toISOString().slice(0, 10);
  const minuteOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes() + (wall.getUTCSeconds() + wall.getUTCMilliseconds() / 1000) / 60;
  return { date, weekday: isoWeekday(date), minuteOfDay };
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minuteOfDay`. Two passes
 * settle the offset across a DST change. A wall time skipped by a spring-forward gap has no
 * instant; callers detect that by converting back (see `freeSlots`).
 */
export function zonedTimeToUtc(date: string, minuteOfDay: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, 0, 0, 0) + minuteOfDay * 60_000;
  const firstGuess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - zoneOffsetMinutes(new Date(firstGuess), timeZone) * 60_000);
}

/** ISO weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
