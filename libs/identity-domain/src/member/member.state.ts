import { ERASED_MEMBER_NAME, ERASED_TEXT, IdentityEventTypes, type IdentityEvent } from '@payforward/contracts';

export type Role = 'MEMBER' | 'ADMIN';

export interface RegisteredMember {
  status: 'registered';
  memberId: string;
  email: string;
  displayName: string;
  headline: string | null;
  timezone: string;
  roles: Role[];
  /** Set by MemberSuspended, cleared by MemberReinstated: a suspended member cannot act. */
  suspended: boolean;
  /** Set by MemberErased, for good: nothing changes on the account any more (ADR 010). */
  erased: boolean;
  /** Set by EmailVerified (ADR 019); nothing is gated by it yet. */
  emailVerified: boolean;
  /** The one open token of each kind: a newer request replaces it, using it clears it (single use). */
  verification: PendingToken | null;
  passwordReset: PendingToken | null;
}

/** An account token as the events carry it (opened): compared as given, valid until `expiresAt`. */
export interface PendingToken {
  token: string;
  expiresAt: string;
}

/** A member stream either has no events yet or starts with MemberRegistered. */
export type MemberState = { status: 'unregistered' } | RegisteredMember;

export const initialMemberState = (): MemberState => ({ status: 'unregistered' });

export function evolveMember(state: MemberState, event: IdentityEvent): MemberState {
  const { type } = event;
  switch (type) {
    case IdentityEventTypes.MemberRegistered:
      return { status: 'registered', ...event.data, suspended: false, erased: false, emailVerified: false, verification: null, passwordReset: null };
    case IdentityEventTypes.MemberProfileUpdated: {
      const { displayName, headline, timezone } = event.data;
      return whenRegistered(state, (member) => ({ ...member, displayName, headline, timezone }));
    }
    case IdentityEventTypes.AdminRoleGranted:
      return whenRegistered(state, (member) => ({ ...member, roles: member.roles.includes('ADMIN') ? member.roles : [...member.roles, 'ADMIN'] }));
    case IdentityEventTypes.MemberSuspended:
      return whenRegistered(state, (member) => ({ ...member, suspended: true }));
    case IdentityEventTypes.MemberReinstated:
      return whenRegistered(state, (member) => ({ ...member, suspended: false }));
    case IdentityEventTypes.MemberErased:
      // The key is gone, so a replay reads placeholders anyway; the state says so right after the command too.
      return whenRegistered(state, (member) => ({
        ...member,
        erased: true,
        email: ERASED_TEXT,
        displayName: ERASED_MEMBER_NAME,
        headline: null,
        verification: null,
        passwordReset: null,
      }));
    case IdentityEventTypes.EmailVerificationRequested: {
      const { token, expiresAt } = event.data;
      return whenRegistered(state, (member) => ({ ...member, verification: { token, expiresAt } }));
    }
    case IdentityEventTypes.EmailVerified:
      return whenRegistered(state, (member) => ({ ...member, emailVerified: true, verification: null }));
    case IdentityEventTypes.PasswordResetRequested: {
      const { token, expiresAt } = event.data;
      return whenRegistered(state, (member) => ({ ...member, passwordReset: { token, expiresAt } }));
    }
    case IdentityEventTypes.PasswordReset:
      return whenRegistered(state, (member) => ({ ...member, passwordReset: null }));
    default: {
      // A new event type that this fold does not handle fails the type check here.
      const unhandled: never = type;
      return unhandled;
    }
  }
}

// Every later event of a stream follows MemberRegistered; a stream that does not is left as it is.
const whenRegistered = (state: MemberState, change: (member: RegisteredMember) => RegisteredMember): MemberState =>
  state.status === 'registered' ? change(state) : state;
