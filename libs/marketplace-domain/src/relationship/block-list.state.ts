import type { BlockListEvent } from '@payforward/contracts';

export interface BlockListState {
  blocked: string[];
}

export const initialBlockListState = (): BlockListState => ({ blocked: [] });

export const isBlocked = (state: BlockListState, seekerId: string): boolean => state.blocked.includes(seekerId);

export function evolveBlockList(state: BlockListState, event: BlockListEvent): BlockListState {
  return isBlocked(state, event.data.seekerId) ? state : { blocked: [...state.blocked, event.data.seekerId] };
}
