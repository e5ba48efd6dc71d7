import { badInput, IdentityEventTypes, type PasswordReset, type PasswordResetRequested } from '@payforward/contracts';
import { expiresAfter, tokenMatches } from './verify-email.js';
import type { MemberState } from './member.state.js';

/**
 * Password reset (ADR 019): a token mailed to the address, valid 30 minutes, single use; a newer
 * request supersedes it. The new password is checked (checkPassword) and hashed by the
 * application, like at registration, so no credential reaches an event.
 */
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

export interface RequestPasswordReset {
  type: 'RequestPasswordReset';
  data: { memberId: string; token: string; at: string };
}

export interface ResetPassword {
  type: 'ResetPassword';
  data: { memberId: string; token: string; at: string };
}

export const INVALID_RESET_TOKEN = 'This password reset link is invalid, already used or expired. Ask for a new one.';

/**
 * Nothing for a suspended or erased account: the API answers the same either way (no
 * enumeration), and a suspended member's reset would not let them in anyway.
 */
export function requestPasswordReset({ data }: RequestPasswordReset, state: MemberState): PasswordResetRequested[] {
  if (state.status !== 'registered' || state.erased || state.suspended) return [];
  return [
    {
      type: IdentityEventTypes.PasswordResetRequested,
      data: { memberId: state.memberId, email: state.email, token: data.token, expiresAt: expiresAfter(data.at, PASSWORD_RESET_TTL_MS) },
    },
  ];
}

export function resetPassword({ data }: ResetPassword, state: MemberState): PasswordReset[] {
  if (state.status !== 'registered' || state.erased || state.suspended) throw badInput('token', INVALID_RESET_TOKEN);
  if (!tokenMatches(state.passwordReset, data.token, data.at)) throw badInput('token', INVALID_RESET_TOKEN);
  return [{ type: IdentityEventTypes.PasswordReset, data: { memberId: state.memberId, resetAt: data.at } }];
}
