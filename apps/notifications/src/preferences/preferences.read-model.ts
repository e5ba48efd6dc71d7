import type pg from 'pg';
import { NOTIFICATION_CATEGORIES } from '../rules/notification.rules.js';
import { NotificationChannelSetting, type NotificationPreferencesType } from './notification-preferences.type.js';
import type { NotificationCategory } from '../inbox/notification.type.js';

/*
 * MINIMAL STAND-IN (slice `calendar`, seams §5): the mail slice owns this file and stores real
 * preferences. Here every member has the defaults (e-mail instant, no quiet hours). On merge,
 * keep mail's version.
 */
export async function preferencesFor(_db: pg.Pool | pg.ClientBase, _memberId: string): Promise<NotificationPreferencesType> {
  return {
    preferences: NOTIFICATION_CATEGORIES.map((category) => ({ category: category as NotificationCategory, email: NotificationChannelSetting.INSTANT })),
    quietHoursStart: null,
    quietHoursEnd: null,
  };
}
