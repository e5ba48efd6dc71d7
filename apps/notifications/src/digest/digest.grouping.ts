import { templateText, categoryWords } from '../email/email.templates.js';
import { localDate, wallTimeIn } from '../email/zoned-time.js';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '../rules/notification.rules.js';

/** One waiting notification of a digest, its other party already named from the mirror. */
export interface DigestItem {
  category: NotificationCategory;
  kind: string;
  subjectName: string;
  vars: Record<string, string>;
  createdAt: Date;
}

export interface DigestMail {
  subject: string;
  paragraphs: string[];
  /** The category whose one-click unsubscribe the mail carries: the one with most lines (the first in contract order on a tie). */
  mainCategory: NotificationCategory;
}

/**
 * Is the member's digest due at `now`: once their wall clock reached `hour` on their local date
 * (the date is the digest's identity, so it goes once a day whatever the job's rhythm). Pure.
 */
export function digestDue(now: Date, timezone: string, hour: number): { due: boolean; localDate: string } {
  return { due: wallTimeIn(now, timezone).hour >= hour, localDate: localDate(now, timezone) };
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The daily digest's text: one section per category in the contract's order, each line the
 * first sentence of that notification's own template, oldest first, times in the member's zone.
 * Pure; null when there is nothing to say.
 */
export function groupDigest(items: readonly DigestItem[], timezone: string): DigestMail | null {
  if (items.length === 0) return null;
  const sections = NOTIFICATION_CATEGORIES.map((category) => ({
    category,
    lines: items
      .filter((i) => i.category === category)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((i) => templateText(i.kind, { name: i.subjectName, vars: i.vars, timezone }).paragraphs[0] ?? ''),
  })).filter((s) => s.lines.length > 0);
  const main = [...sections].sort((a, b) => b.lines.length - a.lines.length)[0]!;
  return {
    subject: items.length === 1 ? 'Your Payforward digest: 1 update' : `Your Payforward digest: ${items.length} updates`,
    paragraphs: sections.flatMap((s) => [`${capitalised(categoryWords(s.category))}:`, ...s.lines.map((l) => `• ${l}`)]),
    mainCategory: main.category,
  };
}
