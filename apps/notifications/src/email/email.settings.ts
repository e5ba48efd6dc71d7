import { createHmac } from 'node:crypto';

/** What e-mail needs from the environment (README "Configuration"). */
export interface EmailSettings {
  /** PUBLIC_WEB_URL: links a member opens in the browser (/requests, /dashboard, /settings/notifications). */
  webUrl: string;
  /** PUBLIC_API_URL: links served by the API through the gateway (/unsubscribe). */
  apiUrl: string;
  /** MAIL_FROM: the sender of every notification mail. */
  from: string;
  /** The HS256 key of unsubscribe tokens: NOTIFICATIONS_UNSUBSCRIBE_SECRET, else derived from JWT_SECRET. */
  unsubscribeKey: Uint8Array;
}

export const DEFAULT_PUBLIC_WEB_URL = 'http://localhost:4200';
export const DEFAULT_PUBLIC_API_URL = 'http://localhost:4000';
export const DEFAULT_MAIL_FROM = 'Payforward <notifications@payforward.local>';

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * A key of its own for unsubscribe links: derived from JWT_SECRET under a fixed label, so a token
 * made for one purpose can never pass as the other, and no extra secret is needed locally.
 */
export function unsubscribeKeyFrom(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('NOTIFICATIONS_UNSUBSCRIBE_SECRET (or JWT_SECRET) must be at least 32 characters');
  return new Uint8Array(createHmac('sha256', secret).update('payforward unsubscribe link v1').digest());
}

export function emailSettingsFromEnv(env: Record<string, string | undefined> = process.env, jwtSecret?: string): EmailSettings {
  return {
    webUrl: trimSlash(env.PUBLIC_WEB_URL || DEFAULT_PUBLIC_WEB_URL),
    apiUrl: trimSlash(env.PUBLIC_API_URL || DEFAULT_PUBLIC_API_URL),
    from: env.MAIL_FROM || DEFAULT_MAIL_FROM,
    unsubscribeKey: unsubscribeKeyFrom(env.NOTIFICATIONS_UNSUBSCRIBE_SECRET || jwtSecret || env.JWT_SECRET || ''),
  };
}
