import { badInput, type BlockListEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import { isBlocked, type BlockListState } from './block-list.state.js';

/**
 * A mentor blocks a member from requesting their help (`blockMember`; stream
 * `blocks-<mentorId>`). The submit handler reads it and passes `seekerBlocked`.
 */
export interface BlockSeeker {
  type: 'BlockSeeker';
  /** `mentorId` is the signed-in member; `seekerId` is the `memberId` argument. */
  data: { mentorId: string; seekerId: string; now: Date };
}

export function blockSeeker(command: BlockSeeker, state: BlockListState): BlockListEvent[] {
  const { mentorId, seekerId, now } = command.data;
  if (mentorId === seekerId) throw badInput('memberId', 'You cannot block yourself.');
  if (isBlocked(state, seekerId)) return [];
  return [{ type: 'SeekerBlocked', data: { mentorId, seekerId, blockedAt: iso(now) } }];
}
