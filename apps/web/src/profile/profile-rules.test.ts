import { DISPLAY_NAME_MAX, HEADLINE_MAX, isValidTimezone } from '@payforward/identity-domain';
import { describe, expect, it } from 'vitest';
import { isTimeZone, PROFILE_RULES } from './profile-rules';

// The client keeps its own copy of identity's profile rules (the bundle does not ship the domain
// library); this keeps the copy equal to the server's, as request-rules.test.ts does for asks.
describe('the client-side profile rules', () => {
  it('given the identity domain, then the name and headline bounds are the server’s own', () => {
    expect(PROFILE_RULES).toEqual({ displayName: { max: DISPLAY_NAME_MAX }, headline: { max: HEADLINE_MAX } });
  });

  it.each(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'EST', '+01:00', 'Mars/Olympus', 'europe/berlin', ''])(
    'given the zone “%s”, then the client accepts it exactly when identity does',
    (zone) => {
      expect(isTimeZone(zone)).toBe(isValidTimezone(zone));
    },
  );
});
