/**
 * Time in a member's zone, with Intl only (no Temporal in Node 24 without a flag). Pure.
 */

/** A usable IANA zone name, else UTC: a mirror row with a zone this runtime does not know must not stop a mail. */
export function safeZone(timezone: string | null | undefined): string {
  if (!timezone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone });
    return timezone;
  } catch {
    return 'UTC';
  }
}

/**
 * "Tue, 3 Mar 2026, 11:00 (Europe/Berlin)": how a mail states a time, in the recipient's zone.
 * The zone's name, not an abbreviation: short names depend on the locale ("GMT-4" vs "EDT").
 */
export function formatInZone(instant: Date | string, timezone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const zone = safeZone(timezone);
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${text} (${zone})`;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading in `timezone` at `instant`. */
export function wallTimeIn(instant: Date, timezone: string): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: safeZone(timezone),
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/** The zone's offset from UTC at `instant`, in minutes (Berlin in winter: 60). */
function offsetMinutes(instant: Date, timezone: string): number {
  const w = wallTimeIn(instant, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time happens in `timezone`. A time skipped by a DST change (02:30 on
 * a spring-forward night) resolves to the same distance after the gap (03:30): the first moment
 * the clock shows a time at or after it. A repeated time (autumn) resolves to its first occurrence.
 */
export function instantOfWallTime(wall: WallTime, timezone: string): Date {
  const zone = safeZone(timezone);
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const candidates = new Set<number>();
  for (const probe of [guess - 86_400_000, guess, guess + 86_400_000]) candidates.add(guess - offsetMinutes(new Date(probe), zone) * 60_000);
  const matching = [...candidates].filter((t) => {
    const w = wallTimeIn(new Date(t), zone);
    return w.year === wall.year && w.month === wall.month && w.day === wall.day && w.hour === wall.hour && w.minute === wall.minute;
  });
  if (matching.length > 0) return new Date(Math.min(...matching));
  // In a gap: the offset before the change puts it past the gap by the gap's length.
  return new Date(guess - offsetMinutes(new Date(guess - 86_400_000), zone) * 60_000);
}

/** "2026-03-29": the member's local date, e.g. for a once-a-day digest. */
export function localDate(instant: Date, timezone: string): string {
  const w = wallTimeIn(instant, timezone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The calendar day after y-m-d (UTC arithmetic on dates only, so no zone can shift it). */
export function nextDay(wall: Pick<WallTime, 'year' | 'month' | 'day'>): Pick<WallTime, 'year' | 'month' | 'day'> {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
