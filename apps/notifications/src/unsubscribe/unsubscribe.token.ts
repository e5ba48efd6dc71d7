import { jwtVerify, SignJWT } from 'jose';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '../rules/notification.rules.js';

const AUDIENCE = 'payforward:unsubscribe';

/**
 * The token of a one-click unsubscribe link (RFC 8058): member and category, signed HS256 with
 * the unsubscribe key (email.settings.ts). No expiry: a link in an old mail must keep working,
 * and all it can ever do is turn one category's e-mail off for that one member.
 */
export function signUnsubscribeToken(key: Uint8Array, memberId: string, category: NotificationCategory): Promise<string> {
  return new SignJWT({ cat: category }).setProtectedHeader({ alg: 'HS256' }).setSubject(memberId).setAudience(AUDIENCE).sign(key);
}

/** The member and category, or null for anything not signed by us for this purpose. */
export async function verifyUnsubscribeToken(key: Uint8Array, token: string): Promise<{ memberId: string; category: NotificationCategory } | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE });
    const category = payload.cat;
    if (typeof payload.sub !== 'string' || typeof category !== 'string' || !(NOTIFICATION_CATEGORIES as readonly string[]).includes(category)) return null;
    return { memberId: payload.sub, category: category as NotificationCategory };
  } catch {
    return null;
  }
}
