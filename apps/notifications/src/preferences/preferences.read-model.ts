import type pg from 'pg';
import type { NotificationCategory } from '../rules/notification.rules.js';
import { effectivePreferences, NO_PREFERENCES, type EffectivePreferences, type EmailSetting, type StoredPreferences } from './preferences.policy.js';

type Db = pg.Pool | pg.ClientBase;

interface Row {
  email: Partial<Record<NotificationCategory, EmailSetting>>;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

/** What the member changed (defaults fill the rest: preferences.policy.ts). */
export async function storedPreferencesFor(db: Db, memberId: string): Promise<StoredPreferences> {
  const { rows } = await db.query<Row>({
    name: 'notifications-preferences',
    text: 'SELECT email, quiet_hours_start, quiet_hours_end FROM notification_preferences WHERE member_id = $1',
    values: [memberId],
  });
  const row = rows[0];
  if (!row) return NO_PREFERENCES;
  return { email: row.email, quietHours: row.quiet_hours_start && row.quiet_hours_end ? { start: row.quiet_hours_start, end: row.quiet_hours_end } : null };
}

/** The member's effective preferences as the API shows them (every category, quiet hours). */
export async function preferencesFor(db: Db, memberId: string): Promise<EffectivePreferences> {
  return effectivePreferences(await storedPreferencesFor(db, memberId));
}

export async function savePreferences(db: Db, memberId: string, stored: StoredPreferences): Promise<void> {
  await db.query({
    name: 'notifications-save-preferences',
    text: `INSERT INTO notification_preferences (member_id, email, quiet_hours_start, quiet_hours_end, updated_at) VALUES ($1, $2::jsonb, $3, $4, now())
           ON CONFLICT (member_id) DO UPDATE SET email = EXCLUDED.email, quiet_hours_start = EXCLUDED.quiet_hours_start,
                  quiet_hours_end = EXCLUDED.quiet_hours_end, updated_at = now()`,
    values: [memberId, JSON.stringify(stored.email), stored.quietHours?.start ?? null, stored.quietHours?.end ?? null],
  });
}

/** One category's e-mail setting, in one statement (the unsubscribe link: no read-modify-write race with the settings page). */
export async function setCategoryEmail(db: Db, memberId: string, category: NotificationCategory, setting: EmailSetting): Promise<void> {
  await db.query({
    name: 'notifications-set-category-email',
    text: `INSERT INTO notification_preferences (member_id, email, updated_at) VALUES ($1, jsonb_build_object($2::text, $3::text), now())
           ON CONFLICT (member_id) DO UPDATE SET email = notification_preferences.email || jsonb_build_object($2::text, $3::text), updated_at = now()`,
    values: [memberId, category, setting],
  });
}
