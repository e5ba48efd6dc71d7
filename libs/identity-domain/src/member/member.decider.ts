import type { IdentityEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { registerMember, type RegisterMember } from './register-member.js';
import { evolveMember, initialMemberState, type MemberState } from './member.state.js';

export type MemberCommand = RegisterMember;

export function decideMember(command: MemberCommand, state: MemberState): IdentityEvent[] {
  const { type } = command;
  switch (type) {
    case 'RegisterMember':
      return registerMember(command, state);
    default: {
      const unhandled: never = type;
      throw new Error(`unknown member command ${String(unhandled)}`);
    }
  }
}

export const memberDecider: Decider<MemberState, MemberCommand, IdentityEvent> = {
  decide: decideMember,
  evolve: evolveMember,
  initialState: initialMemberState,
};
