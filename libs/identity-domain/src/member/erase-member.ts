import { badInput, DomainError, IdentityEventTypes, type MemberErased } from '@payforward/contracts';
import { requireRegistered } from './member.checks.js';
import type { MemberState } from './member.state.js';

export const ERASURE_REASON_MAX = 1000;

/**
 * Erases a member (ADR 010): the member themself (`eraseMe`, after re-entering the password) or
 * an admin (`eraseMember`, with a reason for the audit trail). The application deletes the
 * member's data key before appending MemberErased, so the event only records that it happened.
 * Erasing is final: an erased stream refuses every later command (requireRegistered).
 */
export interface EraseMember {
  type: 'EraseMember';
  data: { memberId: string; at: string } & ({ by: 'SELF' } | { by: 'ADMIN'; adminId: string; reason: string });
}

export function normalizeErasureReason(raw: string): string {
  const reason = raw.trim();
  if (reason.length === 0) throw badInput('reason', 'A reason is required: it is kept in the audit trail.');
  if (reason.length > ERASURE_REASON_MAX) throw badInput('reason', `The reason can be at most ${ERASURE_REASON_MAX} characters.`);
  return reason;
}

export function eraseMember({ data }: EraseMember, state: MemberState): MemberErased[] {
  const reason = data.by === 'ADMIN' ? normalizeErasureReason(data.reason) : null;
  const member = requireRegistered(state, data.by === 'ADMIN' ? 'memberId' : undefined);
  // The reason is sealed with the admin's key, which this very erasure deletes: an admin erases themself with eraseMe.
  if (data.by === 'ADMIN' && data.adminId === member.memberId) throw new DomainError('CONFLICT', 'Use eraseMe to erase your own account.', 'memberId');
  return [
    {
      type: IdentityEventTypes.MemberErased,
      data: {
        memberId: member.memberId,
        erasedBy: data.by,
        adminId: data.by === 'ADMIN' ? data.adminId : null,
        reason,
        erasedAt: data.at,
      },
    },
  ];
}
