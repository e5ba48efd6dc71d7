import { jest } from '@jest/globals';
import { PersonalDataCodec } from '@payforward/platform';
import { OPS, PASSWORD, refusal, useIdentityAccounts } from './member-account.spec.fixtures.js';

/**
 * E-mail verification and password reset (ADR 019) on real PostgreSQL through the identity
 * subgraph: tokens travel sealed in the events and only their SHA-256 is stored; each is single
 * use and superseded by a newer one; a reset replaces the password and ends every session.
 */
jest.setTimeout(60_000);

const { identity, gql, register, login, eventsOf, snapshot } = useIdentityAccounts('account_emails');

const ACCOUNT = {
  verify: 'mutation($t: String!) { verifyEmail(token: $t) }',
  resend: 'mutation { resendVerificationEmail }',
  requestReset: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
  reset: 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
  me: '{ me { id emailVerified } }',
};

/** The opened tokens of the member's events of this type, oldest first. */
async function tokensOf(memberId: string, type: 'EmailVerificationRequested' | 'PasswordResetRequested'): Promise<string[]> {
  const codec = identity().app.get(PersonalDataCodec);
  const events = (await eventsOf(memberId)).filter((e) => e.type === type);
  return Promise.all(events.map(async (e) => ((await codec.unsealData(type, e.data)) as { token: string }).token));
}

const tokenRows = async (memberId: string) =>
  (await identity().db.pool.query('SELECT purpose, token_hash FROM account_tokens WHERE member_id = $1 ORDER BY purpose', [memberId])).rows;

describe('e-mail verification', () => {
  it('given a registration, then EmailVerificationRequested carries the address and token sealed, and only the token hash is stored', async () => {
    const dana = await register('Dana');
    const events = await eventsOf(dana.id);
    expect(events.map((e) => e.type)).toEqual(['MemberRegistered', 'EmailVerificationRequested']);
    expect(events[1].data).toEqual({ memberId: dana.id, email: expect.stringMatching(/^pf:enc:v1:/), token: expect.stringMatching(/^pf:enc:v1:/), expiresAt: expect.any(String) });
    const opened = (await identity().app.get(PersonalDataCodec).unsealData('EmailVerificationRequested', events[1].data)) as Record<string, string>;
    expect(opened.email).toBe(dana.email);
    expect(opened.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // 48 hours from registration.
    const registeredAt = (await identity().db.pool.query('SELECT created_at FROM members WHERE id = $1', [dana.id])).rows[0].created_at as Date;
    expect(Date.parse(opened.expiresAt!) - registeredAt.getTime()).toBe(48 * 3600_000);
    const rows = await tokenRows(dana.id);
    expect(rows).toEqual([{ purpose: 'VERIFY_EMAIL', token_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(JSON.stringify(rows)).not.toContain(opened.token);
    const outbox = await identity().db.pool.query(`SELECT count(*)::int AS n FROM es_outbox o JOIN es_events e ON e.event_id = o.event_id WHERE e.type = 'EmailVerificationRequested' AND e.stream_id = $1`, [`member-${dana.id}`]);
    expect(outbox.rows[0].n).toBe(1);
  });

  it('given the link token, when verifying, then emailVerified is true; the same token again is BAD_USER_INPUT on token and writes nothing', async () => {
    const eli = await register('Eli');
    expect((await gql(ACCOUNT.me, {}, eli.token)).data!.me).toEqual({ id: eli.id, emailVerified: false });
    const [token] = await tokensOf(eli.id, 'EmailVerificationRequested');
    expect(await gql(ACCOUNT.verify, { t: token })).toEqual({ data: { verifyEmail: true } });
    expect((await gql(ACCOUNT.me, {}, eli.token)).data!.me).toEqual({ id: eli.id, emailVerified: true });
    expect(await tokenRows(eli.id)).toEqual([]);
    const before = await snapshot();
    expect(refusal(await gql(ACCOUNT.verify, { t: token }))).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'token' });
    expect(await snapshot()).toEqual(before);
  });

  it.each([['a token nobody has', 'x'.repeat(43)], ['not a token at all', 'nope'], ['an empty string', '']])('given %s, when verifying, then BAD_USER_INPUT on token', async (_what, token) => {
    const before = await snapshot();
    expect(refusal(await gql(ACCOUNT.verify, { t: token }))).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'token' });
    expect(await snapshot()).toEqual(before);
  });

  it('given a resend, then the older link stops working and the newer one verifies; once verified, a resend is CONFLICT', async () => {
    const fay = await register('Fay');
    expect(await gql(ACCOUNT.resend, {}, fay.token)).toEqual({ data: { resendVerificationEmail: true } });
    const [first, second] = await tokensOf(fay.id, 'EmailVerificationRequested');
    expect(second).not.toBe(first);
    expect(refusal(await gql(ACCOUNT.verify, { t: first }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(await gql(ACCOUNT.verify, { t: second })).toEqual({ data: { verifyEmail: true } });
    const answer = await gql(ACCOUNT.resend, {}, fay.token);
    expect(refusal(answer)).toMatchObject({ data: null, code: 'CONFLICT' });
    expect(answer.errors![0]!.message).toMatch(/already verified/);
  });

  it('given no token, when asking for a verification mail, then UNAUTHENTICATED', async () => {
    expect(refusal(await gql(ACCOUNT.resend))).toMatchObject({ data: null, code: 'UNAUTHENTICATED' });
  });
});

describe('password reset', () => {
  it('given an unknown and a known address, then both answer true after the same floor; only the known one records a request', async () => {
    const gil = await register('Gil');
    const before = await snapshot();
    const unknownStarted = Date.now();
    expect(await gql(ACCOUNT.requestReset, { e: 'nobody-here@example.com' })).toEqual({ data: { requestPasswordReset: true } });
    const unknownMs = Date.now() - unknownStarted;
    expect(await snapshot()).toEqual(before);
    const knownStarted = Date.now();
    expect(await gql(ACCOUNT.requestReset, { e: `  ${gil.email.toUpperCase()} ` })).toEqual({ data: { requestPasswordReset: true } });
    const knownMs = Date.now() - knownStarted;
    // PASSWORD_RESET_RESPONSE_MS (default 300 ms) is the floor of both answers.
    expect(unknownMs).toBeGreaterThanOrEqual(290);
    expect(knownMs).toBeGreaterThanOrEqual(290);
    expect((await eventsOf(gil.id)).map((e) => e.type)).toEqual(['MemberRegistered', 'EmailVerificationRequested', 'PasswordResetRequested']);
    expect((await tokenRows(gil.id)).map((r) => r.purpose)).toEqual(['RESET_PASSWORD', 'VERIFY_EMAIL']);
  });

  it('given a malformed address, then BAD_USER_INPUT on email (it says nothing about accounts)', async () => {
    expect(refusal(await gql(ACCOUNT.requestReset, { e: 'not an address' }))).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('given a reset token, when resetting, then the old password fails, the new works, and every earlier token is refused', async () => {
    const hal = await register('Hal');
    const otherSession = (await login(hal.email)).data!.login.token as string;
    expect((await gql(ACCOUNT.me, {}, otherSession)).data!.me).toEqual({ id: hal.id, emailVerified: false });
    await gql(ACCOUNT.requestReset, { e: hal.email });
    const [token] = await tokensOf(hal.id, 'PasswordResetRequested');
    expect(await gql(ACCOUNT.reset, { t: token, p: 'a brand new password' })).toEqual({ data: { resetPassword: true } });

    expect(refusal(await login(hal.email))).toMatchObject({ data: null, code: 'UNAUTHENTICATED' });
    const fresh = await login(hal.email, 'a brand new password');
    expect(fresh.errors).toBeUndefined();
    for (const ended of [hal.token, otherSession]) {
      const answer = await gql(OPS.update, { d: 'Hal again' }, ended);
      expect(refusal(answer)).toMatchObject({ data: null, code: 'UNAUTHENTICATED' });
      expect(answer.errors![0]!.message).toMatch(/password was reset/);
    }
    expect((await gql(ACCOUNT.me, {}, fresh.data!.login.token)).data!.me).toEqual({ id: hal.id, emailVerified: false });
    expect((await identity().db.pool.query('SELECT count(*)::int AS n FROM session_cutoffs WHERE member_id = $1', [hal.id])).rows[0].n).toBe(1);

    // Single use: the same token again changes nothing.
    const before = await snapshot();
    expect(refusal(await gql(ACCOUNT.reset, { t: token, p: 'yet another password' }))).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'token' });
    expect(await snapshot()).toEqual(before);
    expect((await login(hal.email, 'a brand new password')).errors).toBeUndefined();
  });

  it('given two requests, then only the newer token resets', async () => {
    const ida = await register('Ida');
    await gql(ACCOUNT.requestReset, { e: ida.email });
    await gql(ACCOUNT.requestReset, { e: ida.email });
    const [older, newer] = await tokensOf(ida.id, 'PasswordResetRequested');
    expect(refusal(await gql(ACCOUNT.reset, { t: older, p: 'a brand new password' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(await gql(ACCOUNT.reset, { t: newer, p: 'a brand new password' })).toEqual({ data: { resetPassword: true } });
  });

  it('given a new password breaking the registration rules, then BAD_USER_INPUT on newPassword and the token still works', async () => {
    const jan = await register('Jan');
    await gql(ACCOUNT.requestReset, { e: jan.email });
    const [token] = await tokensOf(jan.id, 'PasswordResetRequested');
    const before = await snapshot();
    expect(refusal(await gql(ACCOUNT.reset, { t: token, p: 'short' }))).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(refusal(await gql(ACCOUNT.reset, { t: 'y'.repeat(43), p: 'a brand new password' }))).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'token' });
    expect(await snapshot()).toEqual(before);
    expect((await login(jan.email, PASSWORD)).errors).toBeUndefined();
    expect(await gql(ACCOUNT.reset, { t: token, p: 'a brand new password' })).toEqual({ data: { resetPassword: true } });
  });

  it('given a token, when the member is erased, then their open tokens are gone and the token is refused', async () => {
    const kai = await register('Kai');
    await gql(ACCOUNT.requestReset, { e: kai.email });
    const [token] = await tokensOf(kai.id, 'PasswordResetRequested');
    expect((await gql('mutation($p: String!) { eraseMe(password: $p) }', { p: PASSWORD }, kai.token)).errors).toBeUndefined();
    expect(await tokenRows(kai.id)).toEqual([]);
    expect(refusal(await gql(ACCOUNT.reset, { t: token, p: 'a brand new password' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });
});
