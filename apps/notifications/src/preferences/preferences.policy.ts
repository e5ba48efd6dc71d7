import { badInput } from '@payforward/contracts';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '../rules/notification.rules.js';
import { HH_MM, type QuietHours } from './quiet-hours.policy.js';

/** The contract's NotificationChannelSetting: how a category reaches the member by e-mail (in-app is always on). */
export const EMAIL_SETTINGS = ['INSTANT', 'DIGEST', 'OFF'] as const;
export type EmailSetting = (typeof EMAIL_SETTINGS)[number];

/** Sensible defaults (issue 11 §4–5): what needs an answer or a reminder comes at once; reputation and admin news once a day. */
export const DEFAULT_EMAIL: Readonly<Record<NotificationCategory, EmailSetting>> = {
  REQUESTS: 'INSTANT',
  REMINDERS: 'INSTANT',
  SESSIONS: 'INSTANT',
  INTROS: 'INSTANT',
  REPUTATION: 'DIGEST',
  ADMIN: 'DIGEST',
};

/** A member's stored preferences: only the categories they changed, and their quiet hours. */
export interface StoredPreferences {
  email: Partial<Record<NotificationCategory, EmailSetting>>;
  quietHours: QuietHours | null;
}

export const NO_PREFERENCES: StoredPreferences = { email: {}, quietHours: null };

/** What the API shows: every category, in the contract's order, with its effective setting. */
export interface EffectivePreferences {
  preferences: { category: NotificationCategory; email: EmailSetting }[];
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
}

export function emailSettingFor(stored: StoredPreferences, category: NotificationCategory): EmailSetting {
  return stored.email[category] ?? DEFAULT_EMAIL[category];
}

export function effectivePreferences(stored: StoredPreferences): EffectivePreferences {
  return {
    preferences: NOTIFICATION_CATEGORIES.map((category) => ({ category, email: emailSettingFor(stored, category) })),
    quietHoursStart: stored.quietHours?.start ?? null,
    quietHoursEnd: stored.quietHours?.end ?? null,
  };
}

export interface PreferencesInput {
  preferences?: { category: string; email: string }[] | null;
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
}

/**
 * updateNotificationPreferences: the changes applied to what is stored. Categories not named keep
 * their setting; quiet hours are replaced when either field is given (both, or both null to
 * clear). Anything wrong refuses the whole update with BAD_USER_INPUT naming the field.
 */
export function applyPreferencesInput(stored: StoredPreferences, input: PreferencesInput): StoredPreferences {
  const email = { ...stored.email };
  const seen = new Set<string>();
  for (const [i, item] of (input.preferences ?? []).entries()) {
    const field = `input.preferences.${i}`;
    if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(item.category)) throw badInput(`${field}.category`, 'This is not a notification category.');
    if (!(EMAIL_SETTINGS as readonly string[]).includes(item.email)) throw badInput(`${field}.email`, 'Choose INSTANT, DIGEST or OFF.');
    if (seen.has(item.category)) throw badInput(`${field}.category`, `${item.category} is listed twice; give each category once.`);
    seen.add(item.category);
    email[item.category as NotificationCategory] = item.email as EmailSetting;
  }
  let quietHours = stored.quietHours;
  const startGiven = input.quietHoursStart !== undefined;
  const endGiven = input.quietHoursEnd !== undefined;
  if (startGiven || endGiven) {
    const start = input.quietHoursStart ?? null;
    const end = input.quietHoursEnd ?? null;
    if (start !== null && !HH_MM.test(start)) throw badInput('input.quietHoursStart', 'Give the start as HH:MM, e.g. 22:00.');
    if (end !== null && !HH_MM.test(end)) throw badInput('input.quietHoursEnd', 'Give the end as HH:MM, e.g. 07:00.');
    if ((start === null) !== (end === null)) {
      throw badInput(start === null ? 'input.quietHoursStart' : 'input.quietHoursEnd', 'Give both the start and the end of quiet hours, or clear both.');
    }
    if (start !== null && start === end) throw badInput('input.quietHoursEnd', 'Quiet hours must end at another time than they start.');
    quietHours = start !== null && end !== null ? { start, end } : null;
  }
  return { email, quietHours };
}
