import { DomainError, type FlagDismissedEvent, type FlagReversedEvent } from '@payforward/contracts';
import type { AdminStreamState } from './admin-stream.state.js';

/** An admin reviews an anti-gaming flag: dismiss it, or reverse the points it names. */
export interface ResolveFlag {
  type: 'ResolveFlag';
  decision: 'DISMISSED' | 'REVERSED';
  flagId: string;
  /** The members the flag names, told of the outcome by the notifications service. */
  memberIds: string[];
  adminId: string;
  note: string;
  at: string;
}

/** The first decision on a flag stands: a second one, either way, is a CONFLICT. */
export function resolveFlag(command: ResolveFlag, state: AdminStreamState): (FlagDismissedEvent | FlagReversedEvent)[] {
  const earlier = state.resolved.get(command.flagId);
  if (earlier) throw new DomainError('CONFLICT', `This flag was already ${earlier.toLowerCase()}; the first decision stands.`, 'flagId');
  const { flagId, memberIds, adminId, note, at } = command;
  return [{ type: command.decision === 'DISMISSED' ? 'FlagDismissed' : 'FlagReversed', data: { flagId, memberIds, adminId, note, at } }];
}
