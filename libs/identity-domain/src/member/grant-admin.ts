import { DomainError, IdentityEventTypes, type AdminRoleGranted } from '@payforward/contracts';
import { requireRegistered } from './member.checks.js';
import type { MemberState } from './member.state.js';

/**
 * An admin grants the ADMIN role. Idempotent: granting it to someone who has it records nothing
 * and succeeds, so a retried request (a timeout, a double click) is not an error. A suspended
 * member cannot be made an admin (reinstate first): CONFLICT.
 */
export interface GrantAdmin {
  type: 'GrantAdmin';
  data: { memberId: string; adminId: string; at: string };
}

export function grantAdmin({ data }: GrantAdmin, state: MemberState): AdminRoleGranted[] {
  const member = requireRegistered(state, 'memberId');
  if (member.roles.includes('ADMIN')) return [];
  if (member.suspended) throw new DomainError('CONFLICT', 'This member is suspended: reinstate them before granting a role.', 'memberId');
  return [{ type: IdentityEventTypes.AdminRoleGranted, data: { memberId: member.memberId, role: 'ADMIN', adminId: data.adminId, grantedAt: data.at } }];
}
