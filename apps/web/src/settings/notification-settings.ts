import type { NotificationCategory, NotificationChannelSetting, NotificationPreferencesInput, PreferencesFieldsFragment } from '../gql/graphql';

/** The order and words of the settings page; the server's list decides which rows exist. */
export const CATEGORIES: readonly { category: NotificationCategory; label: string; hint: string }[] = [
  { category: 'REQUESTS', label: 'Requests', hint: 'Someone asks for your help; your requests are accepted, declined, expire or are vouched for.' },
  { category: 'REMINDERS', label: 'Reminders', hint: 'A request waiting for your answer expires in 48 hours.' },
  { category: 'SESSIONS', label: 'Sessions', hint: 'A session starts in 24 hours and in 1 hour; calendar invites.' },
  { category: 'INTROS', label: 'Introductions', hint: 'A mentor would like to introduce someone to you.' },
  { category: 'REPUTATION', label: 'Reputation', hint: 'You paid it forward; an admin adjusted your score.' },
  { category: 'ADMIN', label: 'Admin review', hint: 'New flags in the review queue.' },
];

export const CHANNEL_LABELS: Record<NotificationChannelSetting, string> = {
  INSTANT: 'Right away',
  DIGEST: 'Daily digest',
  OFF: 'Off',
};
export const CHANNELS: readonly NotificationChannelSetting[] = ['INSTANT', 'DIGEST', 'OFF'];

export interface SettingsForm {
  email: Partial<Record<NotificationCategory, NotificationChannelSetting>>;
  quietHoursStart: string;
  quietHoursEnd: string;
}

export const formFrom = (p: PreferencesFieldsFragment): SettingsForm => ({
  email: Object.fromEntries(p.preferences.map((x) => [x.category, x.email])),
  quietHoursStart: p.quietHoursStart ?? '',
  quietHoursEnd: p.quietHoursEnd ?? '',
});

/**
 * Rows in the page's order; a category the server adds later still shows, at the end. The admin
 * category only concerns admins: others do not see it (its setting is kept as it is).
 */
export function rowsOf(p: PreferencesFieldsFragment, isAdmin: boolean): { category: NotificationCategory; label: string; hint: string }[] {
  const known = CATEGORIES.filter((c) => (isAdmin || c.category !== 'ADMIN') && p.preferences.some((x) => x.category === c.category));
  const extra = p.preferences.filter((x) => !CATEGORIES.some((c) => c.category === x.category)).map((x) => ({ category: x.category, label: x.category, hint: '' }));
  return [...known, ...extra];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Quiet hours are both times or neither, "HH:MM", and not an empty span. */
export function quietHoursProblems(form: SettingsForm): Partial<Record<'quietHoursStart' | 'quietHoursEnd', string>> {
  const start = form.quietHoursStart.trim();
  const end = form.quietHoursEnd.trim();
  if (!start && !end) return {};
  const problems: Partial<Record<'quietHoursStart' | 'quietHoursEnd', string>> = {};
  if (!start) problems.quietHoursStart = 'Say when quiet hours start, or clear both times.';
  else if (!HHMM.test(start)) problems.quietHoursStart = 'Use a time like 22:00.';
  if (!end) problems.quietHoursEnd = 'Say when quiet hours end, or clear both times.';
  else if (!HHMM.test(end)) problems.quietHoursEnd = 'Use a time like 07:30.';
  if (!problems.quietHoursStart && !problems.quietHoursEnd && start === end) problems.quietHoursEnd = 'Quiet hours need to end at another time than they start.';
  return problems;
}

/** The whole picture every time: cleared quiet hours are sent as null. */
export function inputFrom(form: SettingsForm): NotificationPreferencesInput {
  return {
    preferences: Object.entries(form.email).map(([category, email]) => ({ category: category as NotificationCategory, email: email! })),
    quietHoursStart: form.quietHoursStart.trim() || null,
    quietHoursEnd: form.quietHoursEnd.trim() || null,
  };
}
