import { IdentityEventTypes, type MemberProfileUpdated } from '@payforward/contracts';
import { requireActiveSelf } from './member.checks.js';
import { normalizeDisplayName, normalizeHeadline, normalizeTimezone } from './member.rules.js';
import type { MemberState } from './member.state.js';

/**
 * A member changes their own profile. Every field is optional: absent (or null) leaves it as it
 * is — except the headline, which is optional in the profile too, so an explicit null or a
 * blank string clears it. Each value is checked by the same rule as at registration, naming
 * its field when refused.
 */
export interface UpdateProfile {
  type: 'UpdateProfile';
  data: {
    memberId: string;
    displayName?: string | null;
    headline?: string | null;
    timezone?: string | null;
  };
}

export function updateProfile({ data }: UpdateProfile, state: MemberState): MemberProfileUpdated[] {
  const member = requireActiveSelf(state);
  // All checked before comparing, so bad input is refused even when another field is unchanged.
  const next = {
    displayName: data.displayName == null ? member.displayName : normalizeDisplayName(data.displayName),
    headline: data.headline === undefined ? member.headline : normalizeHeadline(data.headline),
    timezone: data.timezone == null ? member.timezone : normalizeTimezone(data.timezone),
  };
  const unchanged = next.displayName === member.displayName && next.headline === member.headline && next.timezone === member.timezone;
  // Nothing to record: the same answer as a change, without an event saying nothing happened.
  if (unchanged) return [];
  return [{ type: IdentityEventTypes.MemberProfileUpdated, data: { memberId: member.memberId, ...next } }];
}
