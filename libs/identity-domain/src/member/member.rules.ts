import { badInput, emailAddress } from '@payforward/contracts';

/**
 * Input rules of a member's profile, shared by registration and (later) profile updates.
 * Each returns the normalized value or throws BAD_USER_INPUT naming the field.
 */

export const DISPLAY_NAME_MAX = 80;
export const HEADLINE_MAX = 160;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** E-mail addresses are compared case-insensitively: stored, looked up and reserved lower-case. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  // The event contract's own plaintext check, so an event this domain emits always passes consumers' validation.
  if (!emailAddress.safeParse(email).success) {
    throw badInput('email', 'Enter a valid e-mail address.');
  }
  return email;
}

export function normalizeDisplayName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw badInput('displayName', 'Display name must not be empty.');
  if (name.length > DISPLAY_NAME_MAX) {
    throw badInput('displayName', `Display name must be at most ${DISPLAY_NAME_MAX} characters.`);
  }
  return name;
}

/** The headline is optional: absent or blank becomes null. */
export function normalizeHeadline(raw: string | null | undefined): string | null {
  const headline = raw?.trim() ?? '';
  if (headline.length === 0) return null;
  if (headline.length > HEADLINE_MAX) {
    throw badInput('headline', `Headline must be at most ${HEADLINE_MAX} characters.`);
  }
  return headline;
}

// Only region-style IANA names ("Europe/Berlin") and UTC: ICU also accepts abbreviations and
// offsets ("EST", "+01:00") that are not zones and would break availability math later.
const IANA_NAME = /^(?:UTC|[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

export function isValidTimezone(zone: string): boolean {
  if (!IANA_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function normalizeTimezone(raw: string): string {
  const zone = raw.trim();
  if (!isValidTimezone(zone)) {
    throw badInput('timezone', `"${zone.slice(0, 64)}" is not an IANA time zone (e.g. "Europe/Berlin").`);
  }
  return zone;
}

/**
 * Checked before hashing (the hash itself is computed outside the domain): long enough to
 * resist guessing, bounded so nobody makes the server hash a megabyte.
 */
export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN) {
    throw badInput('password', `Password must be at least ${PASSWORD_MIN} characters.`);
  }
  if (password.length > PASSWORD_MAX) {
    throw badInput('password', `Password must be at most ${PASSWORD_MAX} characters.`);
  }
}
