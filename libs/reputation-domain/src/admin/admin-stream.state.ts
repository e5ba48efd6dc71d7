import type { ReputationAdminEventContract } from '@payforward/contracts';

/**
 * The reputation service's own stream (`reputation-admin`): admin review decisions. One stream
 * orders every decision; its state is what the decisions need to stay consistent whatever the
 * projection has caught up with: a flag is resolved at most once.
 */
export interface AdminStreamState {
  /** Flags resolved in this stream, with the decision. */
  resolved: ReadonlyMap<string, 'DISMISSED' | 'REVERSED'>;
}

export const initialAdminStreamState = (): AdminStreamState => ({ resolved: new Map() });

export function evolveAdminStream(state: AdminStreamState, event: ReputationAdminEventContract): AdminStreamState {
  if (event.type === 'ReputationAdjusted') return state;
  const resolved = new Map(state.resolved);
  resolved.set(event.data.flagId, event.type === 'FlagDismissed' ? 'DISMISSED' : 'REVERSED');
  return { resolved };
}
