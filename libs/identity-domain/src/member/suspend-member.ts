import { badInput, DomainError, IdentityEventTypes, type MemberReinstated, type MemberSuspended } from '@payforward/contracts';
import { requireRegistered } from './member.checks.js';
import type { MemberState } from './member.state.js';

export const SUSPENSION_REASON_MAX = 1000;

/**
 * An admin suspends a member, always with a reason (kept in the event: the audit trail).
 * `forFraud` tells reputation to reverse the points others earned with this member; it is
 * false unless the admin says so. Admins may suspend other admins (a compromised admin account
 * must be stoppable), never themselves.
 */
export interface SuspendMember {
  type: 'SuspendMember';
  data: { memberId: string; adminId: string; reason: string; forFraud?: boolean; at: string };
}

/** An admin lifts a suspension; only a suspended member can be reinstated. */
export interface ReinstateMember {
  type: 'ReinstateMember';
  data: { memberId: string; adminId: string; at: string };
}

export function normalizeSuspensionReason(raw: string): string {
  const reason = raw.trim();
  if (reason.length === 0) throw badInput('reason', 'A reason is required: it is kept in the audit trail.');
  if (reason.length > SUSPENSION_REASON_MAX) throw badInput('reason', `The reason can be at most ${SUSPENSION_REASON_MAX} characters.`);
  return reason;
}

export function suspendMember({ data }: SuspendMember, state: MemberState): MemberSuspended[] {
  const reason = normalizeSuspensionReason(data.reason);
  const member = requireRegistered(state, 'memberId');
  if (member.memberId === data.adminId) throw new DomainError('CONFLICT', 'You cannot suspend yourself.', 'memberId');
  if (member.suspended) throw new DomainError('CONFLICT', 'This member is already suspended.', 'memberId');
  return [
    {
      type: IdentityEventTypes.MemberSuspended,
      data: { memberId: member.memberId, reason, forFraud: data.forFraud ?? false, adminId: data.adminId, suspendedAt: data.at },
    },
  ];
}

export function reinstateMember({ data }: ReinstateMember, state: MemberState): MemberReinstated[] {
  const member = requireRegistered(state, 'memberId');
  if (!member.suspended) throw new DomainError('CONFLICT', 'This member is not suspended.', 'memberId');
  return [{ type: IdentityEventTypes.MemberReinstated, data: { memberId: member.memberId, adminId: data.adminId, reinstatedAt: data.at } }];
}
