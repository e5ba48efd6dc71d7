import type { BlockListEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { blockSeeker, type BlockSeeker } from './block-seeker.js';
import { evolveBlockList, initialBlockListState, type BlockListState } from './block-list.state.js';

export type BlockListCommand = BlockSeeker;

export function decideBlockList(command: BlockListCommand, state: BlockListState): BlockListEvent[] {
  const { type } = command;
  switch (type) {
    case 'BlockSeeker':
      return blockSeeker(command, state);
    default: {
      const unhandled: never = type;
      throw new Error(`unknown block-list command ${String(unhandled)}`);
    }
  }
}

export const blockListDecider: Decider<BlockListState, BlockListCommand, BlockListEvent> = {
  decide: decideBlockList,
  evolve: evolveBlockList,
  initialState: initialBlockListState,
};
