import { DomainError } from '@payforward/contracts';
import type { MemberState, RegisteredMember } from './member.state.js';

/** Commands on an existing member: a stream without MemberRegistered names nobody. */
export function requireRegistered(state: MemberState, field?: string): RegisteredMember {
  if (state.status !== 'registered') throw new DomainError('NOT_FOUND', 'No such member.', field);
  if (state.erased) throw new DomainError('FORBIDDEN', ERASED_ACCOUNT_MESSAGE, field);
  return state;
}

/** Every command on an erased account is refused, whoever sends it (ADR 010). */
export const ERASED_ACCOUNT_MESSAGE = 'This account was erased: nothing can change on it any more.';

/**
 * What a suspended member hears when they try to act on their own account: the same as every
 * service answers their token (their session ended), so the answer does not depend on which
 * check caught it first.
 */
export const SUSPENDED_SESSION_MESSAGE = 'Your session has ended: this account is suspended.';

/** Commands a member runs on their own account: they must exist and not be suspended. */
export function requireActiveSelf(state: MemberState): RegisteredMember {
  const member = requireRegistered(state);
  if (member.suspended) throw new DomainError('UNAUTHENTICATED', SUSPENDED_SESSION_MESSAGE);
  return member;
}
