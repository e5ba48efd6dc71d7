import { DomainError, type IdentityEvent } from '@payforward/contracts';
import { spec } from '@payforward/ddd';
import { memberDecider, type MemberCommand } from './member.decider.js';

/** Test-only: one member (Dana), one admin, one instant, and the decider as a specification. */
export const memberId = '0193a0b4-6f1e-7c3a-9d2e-000000000001';
export const adminId = '0193a0b4-6f1e-7c3a-9d2e-000000000009';
export const at = '2026-11-25T10:00:00.000Z';

/** given(events).when(command) → then(events) | thenRefuses(code, field): the decider as a specification. */
export function given(events: IdentityEvent[]) {
  return {
    when(command: MemberCommand) {
      const scenario = spec(memberDecider).given(events).when(command);
      return {
        then: (expected: IdentityEvent[]) => expect(scenario.events()).toEqual(expected),
        thenRefuses(code: DomainError['code'], field?: string) {
          const error = scenario.error();
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toMatchObject({ code, field });
        },
      };
    },
  };
}

/** Dana registered as a member; `data` overrides fields (e-mail, roles …). */
export const registered = (data: Record<string, unknown> = {}): IdentityEvent => ({
  type: 'MemberRegistered',
  data: {
    memberId,
    email: 'dana@example.com',
    displayName: 'Dana',
    headline: 'Staff engineer',
    timezone: 'Europe/Berlin',
    roles: ['MEMBER'],
    ...data,
  },
});

/** Test-only account tokens: 43 base64url characters, like 32 random bytes. */
export const tokenA = 'A'.repeat(43);
export const tokenB = 'B'.repeat(43);

/** What registering Dana records: the member, and the verification link's request (48 h from `at`). */
export const registration = (data: Record<string, unknown> = {}): IdentityEvent[] => {
  const member = registered(data);
  return [
    member,
    {
      type: 'EmailVerificationRequested',
      data: { memberId, email: (member.data as { email: string }).email, token: tokenA, expiresAt: '2026-11-27T10:00:00.000Z' },
    },
  ];
};
