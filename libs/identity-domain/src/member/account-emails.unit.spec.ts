import type { IdentityEvent } from '@payforward/contracts';
import { fold } from '@payforward/ddd';
import { memberDecider, type MemberCommand } from './member.decider.js';
import { adminId, at, given, memberId, registered, registration, tokenA, tokenB } from './member.spec.fixtures.js';

/** E-mail verification and password reset (ADR 019) as the member decider sees them. */
const later = (ms: number): string => new Date(Date.parse(at) + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const verify = (token: string, when = at): MemberCommand => ({ type: 'VerifyEmail', data: { memberId, token, at: when } });
const resend = (token: string, when = at): MemberCommand => ({ type: 'ResendVerificationEmail', data: { memberId, token, at: when } });
const askReset = (token: string, when = at): MemberCommand => ({ type: 'RequestPasswordReset', data: { memberId, token, at: when } });
const reset = (token: string, when = at): MemberCommand => ({ type: 'ResetPassword', data: { memberId, token, at: when } });

const verified = (when = at): IdentityEvent => ({ type: 'EmailVerified', data: { memberId, verifiedAt: when } });
const verificationAsked = (token: string, when = at): IdentityEvent => ({
  type: 'EmailVerificationRequested',
  data: { memberId, email: 'dana@example.com', token, expiresAt: later(Date.parse(when) - Date.parse(at) + 48 * HOUR) },
});
const resetAsked = (token: string, when = at): IdentityEvent => ({
  type: 'PasswordResetRequested',
  data: { memberId, email: 'dana@example.com', token, expiresAt: later(Date.parse(when) - Date.parse(at) + 30 * MINUTE) },
});
const passwordReset = (when = at): IdentityEvent => ({ type: 'PasswordReset', data: { memberId, resetAt: when } });
const suspended: IdentityEvent = { type: 'MemberSuspended', data: { memberId, reason: 'Spam', forFraud: false, adminId, suspendedAt: at } };
const erased: IdentityEvent = { type: 'MemberErased', data: { memberId, erasedBy: 'SELF', adminId: null, reason: null, erasedAt: at } };

describe('member decider: VerifyEmail', () => {
  it('given a registration, when the link token is used within 48 hours, then EmailVerified', () => {
    given(registration()).when(verify(tokenA, later(47 * HOUR))).then([verified(later(47 * HOUR))]);
  });

  it('given a verified address, when the same token is used again, then BAD_USER_INPUT on token (single use)', () => {
    given([...registration(), verified()]).when(verify(tokenA)).thenRefuses('BAD_USER_INPUT', 'token');
  });

  it('given a token 48 hours old, when used, then BAD_USER_INPUT on token (expired)', () => {
    given(registration()).when(verify(tokenA, later(48 * HOUR))).thenRefuses('BAD_USER_INPUT', 'token');
  });

  it('given a newer link was sent, when the older token is used, then refused and the newer one works', () => {
    const events = [...registration(), verificationAsked(tokenB)];
    given(events).when(verify(tokenA)).thenRefuses('BAD_USER_INPUT', 'token');
    given(events).when(verify(tokenB)).then([verified()]);
  });

  it('given a wrong token, nobody, or an erased member, then the same BAD_USER_INPUT on token', () => {
    given(registration()).when(verify(tokenB)).thenRefuses('BAD_USER_INPUT', 'token');
    given([]).when(verify(tokenA)).thenRefuses('BAD_USER_INPUT', 'token');
    given([...registration(), erased]).when(verify(tokenA)).thenRefuses('BAD_USER_INPUT', 'token');
  });

  it('given EmailVerified, when folded, then the address is verified and no verification token stays open', () => {
    expect(fold(memberDecider, [...registration(), verified()])).toMatchObject({ emailVerified: true, verification: null });
    expect(fold(memberDecider, registration())).toMatchObject({ emailVerified: false, verification: { token: tokenA } });
  });
});

describe('member decider: ResendVerificationEmail', () => {
  it('given an unverified member, when they ask again, then a new request with a fresh 48-hour expiry', () => {
    given(registration()).when(resend(tokenB, later(HOUR))).then([verificationAsked(tokenB, later(HOUR))]);
  });

  it('given a verified member, when they ask again, then CONFLICT saying it is already verified', () => {
    given([...registration(), verified()]).when(resend(tokenB)).thenRefuses('CONFLICT');
  });

  it('given a suspended member, then UNAUTHENTICATED; an erased one, FORBIDDEN', () => {
    given([...registration(), suspended]).when(resend(tokenB)).thenRefuses('UNAUTHENTICATED');
    given([...registration(), erased]).when(resend(tokenB)).thenRefuses('FORBIDDEN');
  });
});

describe('member decider: RequestPasswordReset and ResetPassword', () => {
  it('given a member, when a reset is requested, then PasswordResetRequested with the address and a 30-minute expiry', () => {
    given([registered()]).when(askReset(tokenA)).then([resetAsked(tokenA)]);
  });

  it('given a suspended, erased or unknown member, when a reset is requested, then nothing is recorded (the API answers the same)', () => {
    given([registered(), suspended]).when(askReset(tokenA)).then([]);
    given([registered(), erased]).when(askReset(tokenA)).then([]);
    given([]).when(askReset(tokenA)).then([]);
  });

  it('given a reset requested, when the token is used within 30 minutes, then PasswordReset', () => {
    given([registered(), resetAsked(tokenA)]).when(reset(tokenA, later(29 * MINUTE))).then([passwordReset(later(29 * MINUTE))]);
  });

  it('given a reset requested 30 minutes ago, when the token is used, then BAD_USER_INPUT on token (expired)', () => {
    given([registered(), resetAsked(tokenA)]).when(reset(tokenA, later(30 * MINUTE))).thenRefuses('BAD_USER_INPUT', 'token');
  });

  it('given a reset done, when the same token is used again, then BAD_USER_INPUT on token (single use)', () => {
    given([registered(), resetAsked(tokenA), passwordReset()]).when(reset(tokenA)).thenRefuses('BAD_USER_INPUT', 'token');
  });

  it('given a second request, when the first token is used, then refused; the second works', () => {
    const events = [registered(), resetAsked(tokenA), resetAsked(tokenB, later(MINUTE))];
    given(events).when(reset(tokenA, later(2 * MINUTE))).thenRefuses('BAD_USER_INPUT', 'token');
    given(events).when(reset(tokenB, later(2 * MINUTE))).then([passwordReset(later(2 * MINUTE))]);
  });

  it('given a verification token, when used as a reset token, then refused: the two kinds never mix', () => {
    given(registration()).when(reset(tokenA)).thenRefuses('BAD_USER_INPUT', 'token');
  });

  it('given a member suspended after asking, when resetting, then refused on token', () => {
    given([registered(), resetAsked(tokenA), suspended]).when(reset(tokenA)).thenRefuses('BAD_USER_INPUT', 'token');
  });

  it('given MemberErased, when folded, then no token stays open', () => {
    expect(fold(memberDecider, [...registration(), resetAsked(tokenB), erased])).toMatchObject({ verification: null, passwordReset: null });
  });
});
