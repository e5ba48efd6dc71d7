import type { ReputationAdminEventContract } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { adjustReputation, type AdjustReputation } from './adjust-reputation.js';
import { evolveAdminStream, initialAdminStreamState, type AdminStreamState } from './admin-stream.state.js';
import { resolveFlag, type ResolveFlag } from './resolve-flag.js';

export type AdminCommand = ResolveFlag | AdjustReputation;

export function decideAdminStream(command: AdminCommand, state: AdminStreamState): ReputationAdminEventContract[] {
  const { type } = command;
  switch (type) {
    case 'ResolveFlag':
      return resolveFlag(command, state);
    case 'AdjustReputation':
      return adjustReputation(command);
    default: {
      const unhandled: never = type;
      throw new Error(`unknown reputation-admin command ${String(unhandled)}`);
    }
  }
}

export const adminStreamDecider: Decider<AdminStreamState, AdminCommand, ReputationAdminEventContract> = {
  decide: decideAdminStream,
  evolve: evolveAdminStream,
  initialState: initialAdminStreamState,
};
