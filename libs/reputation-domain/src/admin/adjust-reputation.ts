import type { ReputationAdjustedEvent } from '@payforward/contracts';

/** An admin corrects a member's score by hand, always with a reason (the audit trail). */
export interface AdjustReputation {
  type: 'AdjustReputation';
  memberId: string;
  points: number;
  reason: string;
  adminId: string;
  at: string;
}

/** Always allowed: an adjustment depends on no earlier decision. */
export function adjustReputation(command: AdjustReputation): ReputationAdjustedEvent[] {
  const { memberId, points, reason, adminId, at } = command;
  return [{ type: 'ReputationAdjusted', data: { memberId, points, reason, adminId, at } }];
}
