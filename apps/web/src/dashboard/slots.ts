/**
 * Free slots for the accept dialog's slot picker, computed in the browser from the dashboard's
 * availability and upcoming sessions, with the marketplace's rules (freeSlots in
 * libs/marketplace-domain; slots.test.ts checks both give the same slots): 30-minute steps from
 * each window's start on the mentor's wall clock, no blackout dates, no overlap with accepted
 * sessions, only in the future. The server checks the chosen slot again when accepting.
 */
export interface Window {
  weekday: number;
  start: string;
  end: string;
}

export interface AvailabilityLike {
  timezone: string;
  windows: readonly Window[];
  blackoutDates: readonly string[];
}

export interface Slot {
  start: Date;
  end: Date;
}

export const SLOT_STEP_MINUTES = 30;
const MINUTE = 60_000;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `at`: its date (YYYY-MM-DD) and minute of the day. */
export function wallClock(at: Date, timeZone: string): { date: string; minuteOfDay: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
}

const utcOfWall = (date: string, minute: number) => Date.parse(`${date}T00:00:00Z`) + minute * MINUTE;

/** The instant when the wall clock in `timeZone` shows `date` at `minute` (the earlier one in a DST overlap). */
export function zonedToUtc(date: string, minute: number, timeZone: string): Date {
  const naive = utcOfWall(date, minute);
  const offsetAt = (t: number) => {
    const wall = wallClock(new Date(t), timeZone);
    return utcOfWall(wall.date, wall.minuteOfDay) - t;
  };
  const first = naive - offsetAt(naive);
  const second = naive - offsetAt(first);
  // Around a DST change the two guesses differ: keep the earliest that really shows that wall time.
  const showsIt = (t: number) => {
    const wall = wallClock(new Date(t), timeZone);
    return wall.date === date && wall.minuteOfDay === minute;
  };
  const matching = [first, second].filter(showsIt);
  return new Date(matching.length ? Math.min(...matching) : first);
}

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The session's end read on the wall clock (DST changes the length of a day) still lies in the window. */
function endsInside(end: Date, day: string, startMinute: number, windowEnd: number, timeZone: string): boolean {
  const wall = wallClock(end, timeZone);
  let endMinute: number;
  if (wall.date === day) endMinute = wall.minuteOfDay;
  else if (wall.date === addDays(day, 1) && wall.minuteOfDay === 0) endMinute = 24 * 60;
  else return false;
  return endMinute > startMinute && endMinute <= windowEnd;
}

const overlaps = (a: Slot, b: Slot) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

export function freeSlots(availability: AvailabilityLike | null | undefined, from: Date, to: Date, durationMinutes: number, busy: readonly Slot[] = []): Slot[] {
  if (!availability || !(durationMinutes > 0) || from >= to) return [];
  const { timezone, windows, blackoutDates } = availability;
  const lastDay = wallClock(to, timezone).date;
  const slots: Slot[] = [];
  for (let day = wallClock(from, timezone).date; day <= lastDay; day = addDays(day, 1)) {
    if (blackoutDates.includes(day)) continue;
    const weekday = isoWeekday(day);
    for (const window of windows.filter((w) => w.weekday === weekday)) {
      for (let minute = minutesOf(window.start); minute + durationMinutes <= minutesOf(window.end); minute += SLOT_STEP_MINUTES) {
        const start = zonedToUtc(day, minute, timezone);
        const wall = wallClock(start, timezone);
        if (wall.date !== day || wall.minuteOfDay !== minute) continue; // a wall time that DST skipped
        const slot = { start, end: new Date(start.getTime() + durationMinutes * MINUTE) };
        if (start < from || slot.end > to) continue;
        if (!endsInside(slot.end, day, minute, minutesOf(window.end), timezone)) continue;
        if (busy.some((b) => overlaps(slot, b))) continue;
        slots.push(slot);
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The mentor's accepted sessions as busy ranges (a session without a length blocks 30 minutes). */
export const busyFrom = (sessions: readonly { scheduledAt?: string | null; durationMinutes?: number | null }[]): Slot[] =>
  sessions
    .filter((s) => s.scheduledAt)
    .map((s) => {
      const start = new Date(s.scheduledAt!);
      return { start, end: new Date(start.getTime() + (s.durationMinutes ?? SLOT_STEP_MINUTES) * MINUTE) };
    });
