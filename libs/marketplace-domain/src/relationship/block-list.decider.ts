import { badInput, type BlockListEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { iso } from '../shared/input.rules.js';

/**
 * A mentor blocks a member from requesting their help (`blockMember`; stream
 * `blocks-<mentorId>`). The submit handler reads it and passes `seekerBlocked`.
 */
export interface BlockSeeker {
  type: 'BlockSeeker';
  /** `mentorId` is the signed-in member; `seekerId` is the `memberId` argument. */
  data: { mentorId: string; seekerId: string; now: Date };
}

export type BlockListCommand = BlockSeeker;

export interface BlockListState {
  blocked: string[];
}

export const initialBlockListState = (): BlockListState => ({ blocked: [] });

export const isBlocked = (state: BlockListState, seekerId: string): boolean => state.blocked.includes(seekerId);

export function evolveBlockList(state: BlockListState, event: BlockListEvent): BlockListState {
  return isBlocked(state, event.data.seekerId) ? state : { blocked: [...state.blocked, event.data.seekerId] };
}

export function decideBlockList(command: BlockListCommand, state: BlockListState): BlockListEvent[] {
  const { mentorId, seekerId, now } = command.data;
  if (mentorId === seekerId) throw badInput('memberId', 'You cannot block yourself.');
  if (isBlocked(state, seekerId)) return [];
  return [{ type: 'SeekerBlocked', data: { mentorId, seekerId, blockedAt: iso(now) } }];
}

export const blockListDecider: Decider<BlockListState, BlockListCommand, BlockListEvent> = {
  decide: decideBlockList,
  evolve: evolveBlockList,
  initialState: initialBlockListState,
};
