/**
 * The profile's bounds, checked before anything is sent. Identity holds the same rules
 * (libs/identity-domain member.rules.ts, which the bundle does not ship; profile-rules.test.ts
 * keeps the two equal) and stays the authority: a refusal comes back with `extensions.field` and is shown next to that field.
 */
export const PROFILE_RULES = { displayName: { max: 80 }, headline: { max: 160 } } as const;

export interface ProfileDraft {
  displayName: string;
  headline: string;
  timezone: string;
}

export type ProfileErrors = Partial<Record<keyof ProfileDraft, string>>;

// Region-style IANA names and UTC, as identity accepts them ("EST" or "+01:00" are not zones).
const IANA_NAME = /^(?:UTC|[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

export function isTimeZone(zone: string): boolean {
  if (!IANA_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Zones to suggest while typing; empty where the browser cannot list them (typing still works). */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return ['UTC', ...(intl.supportedValuesOf?.('timeZone') ?? []).filter((z) => z !== 'UTC' && IANA_NAME.test(z))];
  } catch {
    return [];
  }
}

export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Everything wrong with the draft, one sentence per field; empty when it can be saved. */
export function validateProfile(draft: ProfileDraft): ProfileErrors {
  const errors: ProfileErrors = {};
  const name = draft.displayName.trim();
  if (!name) errors.displayName = 'Enter the name other members will see.';
  else if (name.length > PROFILE_RULES.displayName.max) errors.displayName = `Keep your name to ${PROFILE_RULES.displayName.max} characters or fewer.`;
  if (draft.headline.trim().length > PROFILE_RULES.headline.max) {
    errors.headline = `Keep your headline to one line (${PROFILE_RULES.headline.max} characters or fewer).`;
  }
  const zone = draft.timezone.trim();
  if (!zone) errors.timezone = 'Choose your time zone, e.g. Europe/Berlin.';
  else if (!isTimeZone(zone)) errors.timezone = `“${zone.slice(0, 64)}” is not a time zone we know. Pick one from the list, e.g. Europe/Berlin.`;
  return errors;
}

/** The mutation's variables: trimmed; a blank headline clears it (null). */
export const profileChanges = (draft: ProfileDraft) => ({
  displayName: draft.displayName.trim(),
  headline: draft.headline.trim() || null,
  timezone: draft.timezone.trim(),
});
