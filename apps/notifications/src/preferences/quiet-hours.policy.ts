import { instantOfWallTime, nextDay, wallTimeIn } from '../email/zoned-time.js';

/** Quiet hours in the member's zone, "HH:MM" each; the window may cross midnight (22:00–07:00). */
export interface QuietHours {
  start: string;
  end: string;
}

export const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOf = (hhmm: string): number => {
  const match = HH_MM.exec(hhmm);
  if (!match) throw new RangeError(`not an HH:MM time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/**
 * When an e-mail decided at `now` may leave: null when `now` is outside the member's quiet hours
 * (send at once), else the instant the window ends, read on the member's wall clock — so a DST
 * change inside the window moves the instant, not the local end time (07:00 stays 07:00). An end
 * that falls into a spring-forward gap resolves to just after it. Start = end means no window.
 */
export function quietHoursRelease(now: Date, timezone: string, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const wall = wallTimeIn(now, timezone);
  const t = wall.hour * 60 + wall.minute;
  const crossesMidnight = start > end;
  const inside = crossesMidnight ? t >= start || t < end : t >= start && t < end;
  if (!inside) return null;
  // Before midnight in a window that crosses it: the window ends tomorrow.
  const day = crossesMidnight && t >= start ? nextDay(wall) : wall;
  const release = instantOfWallTime({ ...day, hour: Math.floor(end / 60), minute: end % 60 }, timezone);
  return release.getTime() > now.getTime() ? release : null;
}
