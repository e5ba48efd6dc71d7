import { DomainError, type ReputationAdminEventContract } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';

/**
 * The reputation service's own stream (`reputation-admin`): admin review decisions. One
 * stream orders every decision; its state is what the decisions need to stay consistent
 * whatever the projection has caught up with: a flag is resolved at most once.
 */
export type AdminCommand =
  | { type: 'ResolveFlag'; decision: 'DISMISSED' | 'REVERSED'; flagId: string; adminId: string; note: string; at: string }
  | { type: 'AdjustReputation'; memberId: string; points: number; reason: string; adminId: string; at: string };

export interface AdminStreamState {
  /** Flags resolved in this stream, with the decision. */
  resolved: ReadonlyMap<string, 'DISMISSED' | 'REVERSED'>;
}

export const adminStreamDecider: Decider<AdminStreamState, AdminCommand, ReputationAdminEventContract> = {
  initialState: () => ({ resolved: new Map() }),

  decide(command, state) {
    if (command.type === 'AdjustReputation') {
      const { memberId, points, reason, adminId, at } = command;
      return [{ type: 'ReputationAdjusted', data: { memberId, points, reason, adminId, at } }];
    }
    const earlier = state.resolved.get(command.flagId);
    if (earlier) throw new DomainError('CONFLICT', `This flag was already ${earlier.toLowerCase()}; the first decision stands.`, 'flagId');
    const { flagId, adminId, note, at } = command;
    return [{ type: command.decision === 'DISMISSED' ? 'FlagDismissed' : 'FlagReversed', data: { flagId, adminId, note, at } }];
  },

  evolve(state, event) {
    if (event.type === 'ReputationAdjusted') return state;
    const resolved = new Map(state.resolved);
    resolved.set(event.data.flagId, event.type === 'FlagDismissed' ? 'DISMISSED' : 'REVERSED');
    return { resolved };
  },
};
