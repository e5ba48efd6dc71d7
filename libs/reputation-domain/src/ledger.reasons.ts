import type { HelpKind } from '@payforward/contracts';

/**
 * The words of the ledger. Reasons are for members ("+10 advice call completed for Dana"),
 * so they name people and things, and say plainly why a number is smaller than usual.
 */

export const HELP_NOUN: Readonly<Record<HelpKind, string>> = {
  ADVICE_CALL: 'advice call',
  RESUME_REVIEW: 'résumé review',
  MOCK_INTERVIEW: 'mock interview',
  INTRO: 'introduction',
  REFERRAL: 'referral',
};

/** "+10", "−5", "+0" (a typographic minus, as the ledger is read by people). */
export const signed = (points: number): string => (points < 0 ? `−${Math.abs(points)}` : `+${points}`);

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

const FRACTIONS: Readonly<Record<number, string>> = { 2: '½', 3: '⅓', 4: '¼', 5: '⅕', 6: '⅙', 7: '⅐', 8: '⅛', 9: '⅑', 10: '⅒' };
export const fraction = (k: number): string => FRACTIONS[k] ?? `1/${k}`;

/** The 1/k decay note: "2nd with Dana in 90 days: ½". */
export const decayNote = (k: number, name: string, days: number): string => `${ordinal(k)} with ${name} in ${days} days: ${fraction(k)}`;

export const capNote = (allowed: number, wanted: number, cap: number): string => `daily cap of ${cap} reached: ${allowed} of ${wanted}`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March", or "March 2025" when it was not in the same (UTC) year as `now`. */
export function monthOf(when: number, now: number): string {
  const then = new Date(when);
  const month = MONTHS[then.getUTCMonth()]!;
  return then.getUTCFullYear() === new Date(now).getUTCFullYear() ? month : `${month} ${then.getUTCFullYear()}`;
}

/** `+10 advice call completed for Dana (2nd with Dana in 90 days: ½)`. */
export const composeReason = (points: number, text: string, notes: readonly string[]): string =>
  `${signed(points)} ${text}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
