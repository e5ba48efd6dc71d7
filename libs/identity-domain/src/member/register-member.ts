import { DomainError, IdentityEventTypes, type EmailVerificationRequested, type MemberRegistered } from '@payforward/contracts';
import { normalizeDisplayName, normalizeEmail, normalizeHeadline, normalizeTimezone } from './member.rules.js';
import type { MemberState } from './member.state.js';
import { verificationRequested } from './verify-email.js';

/**
 * Registers a member. The password is not part of the command: it is checked and hashed by
 * the application and kept in identity's credentials table, so no credential ever reaches
 * an event (events are published to Kafka and kept forever).
 */
export interface RegisterMember {
  type: 'RegisterMember';
  data: {
    memberId: string;
    email: string;
    displayName: string;
    headline?: string | null;
    timezone: string;
    /**
     * Only the first-admin bootstrap (PAYFORWARD_ADMIN_EMAIL) sets this: the public
     * `register` mutation has no way to, so nobody can register themself as an admin.
     */
    admin?: boolean;
    /** The verification link's token (ADR 019): registration also asks for the address to be verified. */
    verificationToken: string;
    at: string;
  };
}

export function registerMember(command: RegisterMember, state: MemberState): [MemberRegistered, EmailVerificationRequested] {
  if (state.status !== 'unregistered') {
    throw new DomainError('CONFLICT', 'This member is already registered.');
  }
  const { data } = command;
  const registered: MemberRegistered = {
    type: IdentityEventTypes.MemberRegistered,
    data: {
      memberId: data.memberId,
      email: normalizeEmail(data.email),
      displayName: normalizeDisplayName(data.displayName),
      headline: normalizeHeadline(data.headline),
      timezone: normalizeTimezone(data.timezone),
      roles: data.admin ? ['MEMBER', 'ADMIN'] : ['MEMBER'],
    },
  };
  return [registered, verificationRequested(registered.data, data.verificationToken, data.at)];
}
