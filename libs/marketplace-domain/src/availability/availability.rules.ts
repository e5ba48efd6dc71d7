import { badInput, type AvailabilityWindow } from '@payforward/contracts';
import type { AvailabilityWindowInput } from './set-availability.js';
import { canonicalTimeZone, isCalendarDate } from './availability.time-zone.js';

/** Four windows a day, every day, is plenty; a year of blackout dates is the most that means anything. */
export const AVAILABILITY_RULES = { maxWindows: 28, maxBlackoutDates: 366 } as const;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM"; `24:00` is allowed as an end ("until midnight"). */
export function minutesOf(hhmm: string): number {
  if (hhmm === '24:00') return 24 * 60;
  const match = HH_MM.exec(hhmm);
  if (!match) throw new RangeError(`not an HH:MM time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function validTimeZone(timezone: unknown): string {
  const canonical = canonicalTimeZone(timezone);
  if (!canonical) throw badInput('input.timezone', `"${String(timezone)}" is not a time zone name we know (use an IANA name like Europe/Berlin).`);
  return canonical;
}

/**
 * Validates and sorts the weekly windows: HH:MM times, start before end, and no two windows
 * of the same weekday overlapping (touching is fine: 09:00–12:00 and 12:00–14:00).
 */
export function validWindows(windows: unknown): AvailabilityWindow[] {
  if (!Array.isArray(windows)) throw badInput('input.windows', 'Windows must be a list.');
  if (windows.length > AVAILABILITY_RULES.maxWindows) {
    throw badInput('input.windows', `At most ${AVAILABILITY_RULES.maxWindows} weekly windows (there are ${windows.length}).`);
  }
  const checked = (windows as AvailabilityWindowInput[]).map((window, i) => {
    const field = `input.windows[${i}]`;
    const { weekday, start, end } = window ?? ({} as AvailabilityWindowInput);
    if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw badInput(`${field}.weekday`, 'The weekday must be 1 (Monday) to 7 (Sunday).');
    }
    if (typeof start !== 'string' || !HH_MM.test(start)) throw badInput(`${field}.start`, 'The start must be a time written HH:MM (00:00–23:59).');
    if (typeof end !== 'string' || !(HH_MM.test(end) || end === '24:00')) throw badInput(`${field}.end`, 'The end must be a time written HH:MM (up to 24:00).');
    if (minutesOf(start) >= minutesOf(end)) throw badInput(`${field}.end`, `The window must end after it starts (${start}–${end}).`);
    return { index: i, window: { weekday, start, end } };
  });
  for (const a of checked) {
    const clash = checked.find(
      (b) =>
        b.index < a.index &&
        b.window.weekday === a.window.weekday &&
        minutesOf(a.window.start) < minutesOf(b.window.end) &&
        minutesOf(b.window.start) < minutesOf(a.window.end),
    );
    if (clash) {
      throw badInput(
        `input.windows[${a.index}]`,
        `Windows on the same day must not overlap (${a.window.start}–${a.window.end} overlaps ${clash.window.start}–${clash.window.end}).`,
      );
    }
  }
  return checked
    .map((c) => c.window)
    .sort((a, b) => a.weekday - b.weekday || minutesOf(a.start) - minutesOf(b.start));
}

/** Blackout dates are calendar dates in the mentor's zone; duplicates collapse, order is by date. */
export function validBlackoutDates(dates: unknown): string[] {
  if (dates === undefined || dates === null) return [];
  if (!Array.isArray(dates)) throw badInput('input.blackoutDates', 'Blackout dates must be a list.');
  dates.forEach((date, i) => {
    if (!isCalendarDate(date)) throw badInput(`input.blackoutDates[${i}]`, `"${String(date)}" is not a date written YYYY-MM-DD.`);
  });
  const unique = [...new Set(dates as string[])].sort();
  if (unique.length > AVAILABILITY_RULES.maxBlackoutDates) {
    throw badInput('input.blackoutDates', `At most ${AVAILABILITY_RULES.maxBlackoutDates} blackout dates (there are ${unique.length}).`);
  }
  return unique;
}
