import type { IdentityEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { eraseMember, type EraseMember } from './erase-member.js';
import { grantAdmin, type GrantAdmin } from './grant-admin.js';
import { registerMember, type RegisterMember } from './register-member.js';
import { reinstateMember, suspendMember, type ReinstateMember, type SuspendMember } from './suspend-member.js';
import { updateProfile, type UpdateProfile } from './update-profile.js';
import { requestPasswordReset, resetPassword, type RequestPasswordReset, type ResetPassword } from './reset-password.js';
import { resendVerificationEmail, verifyEmail, type ResendVerificationEmail, type VerifyEmail } from './verify-email.js';
import { evolveMember, initialMemberState, type MemberState } from './member.state.js';

export type MemberCommand =
  | RegisterMember
  | UpdateProfile
  | GrantAdmin
  | SuspendMember
  | ReinstateMember
  | EraseMember
  | ResendVerificationEmail
  | VerifyEmail
  | RequestPasswordReset
  | ResetPassword;

export function decideMember(command: MemberCommand, state: MemberState): IdentityEvent[] {
  const { type } = command;
  switch (type) {
    case 'RegisterMember':
      return registerMember(command, state);
    case 'UpdateProfile':
      return updateProfile(command, state);
    case 'GrantAdmin':
      return grantAdmin(command, state);
    case 'SuspendMember':
      return suspendMember(command, state);
    case 'ReinstateMember':
      return reinstateMember(command, state);
    case 'EraseMember':
      return eraseMember(command, state);
    case 'ResendVerificationEmail':
      return resendVerificationEmail(command, state);
    case 'VerifyEmail':
      return verifyEmail(command, state);
    case 'RequestPasswordReset':
      return requestPasswordReset(command, state);
    case 'ResetPassword':
      return resetPassword(command, state);
    default: {
      const unhandled: never = type;
      throw new Error(`unknown member command ${String(unhandled)}`);
    }
  }
}

export const memberDecider: Decider<MemberState, MemberCommand, IdentityEvent> = {
  decide: decideMember,
  evolve: evolveMember,
  initialState: initialMemberState,
};
