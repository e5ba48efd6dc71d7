import { IdentityEventTypes, type IdentityEvent } from '@payforward/contracts';

export type Role = 'MEMBER' | 'ADMIN';

export interface RegisteredMember {
  status: 'registered';
  memberId: string;
  email: string;
  displayName: string;
  headline: string | null;
  timezone: string;
  roles: Role[];
}

/** A member stream either has no events yet or starts with MemberRegistered. */
export type MemberState = { status: 'unregistered' } | RegisteredMember;

export const initialMemberState = (): MemberState => ({ status: 'unregistered' });

export function evolveMember(state: MemberState, event: IdentityEvent): MemberState {
  const { type } = event;
  switch (type) {
    case IdentityEventTypes.MemberRegistered:
      return { status: 'registered', ...event.data };
    default: {
      // A new event type that this fold does not handle fails the type check here.
      const unhandled: never = type;
      return unhandled;
    }
  }
}
