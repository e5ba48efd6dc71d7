import { jest } from '@jest/globals';
import { SignJWT } from 'jose';
import { ADMIN, jwt, OPS, refusal, useIdentityAccounts, type Member } from './member-account.spec.fixtures.js';

/**
 * suspendMember and reinstateMember on real PostgreSQL through the subgraph (events, read model,
 * blocked_members in one transaction; login and tokens refused while suspended), and the tokens
 * identity refuses: expired, forged, malformed.
 */
jest.setTimeout(60_000);

const { identity, admin, gql, register, login, count, eventsOf, snapshot } = useIdentityAccounts('suspension');

describe('suspendMember and reinstateMember', () => {
  it('given a member, when suspended, then MemberSuspended as reputation expects it, the member blocked, login refused like a wrong password, and their token ended', async () => {
    const jo = await register('Jo');
    const { data, errors } = await gql(OPS.suspend, { id: jo.id, r: '  Fake sessions with a friend  ', f: true }, admin.token);
    expect(errors).toBeUndefined();
    expect(data!.suspendMember).toMatchObject({ id: jo.id, suspended: true });

    const [, , suspended] = await eventsOf(jo.id);
    expect(suspended.type).toBe('MemberSuspended');
    expect(suspended.data).toEqual({ memberId: jo.id, reason: 'Fake sessions with a friend', forFraud: true, adminId: admin.id, suspendedAt: expect.stringMatching(/Z$/) });
    expect((await identity().db.pool.query('SELECT reason FROM blocked_members WHERE member_id = $1', [jo.id])).rows).toEqual([{ reason: 'SUSPENDED' }]);

    const refusedLogin = await login(jo.email);
    const wrongPassword = await login(jo.email, 'not the password');
    expect(refusedLogin.data).toBeNull();
    expect(refusedLogin.errors).toEqual(wrongPassword.errors);
    expect(refusedLogin.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);

    const me = await gql(OPS.me, {}, jo.token);
    expect(me.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/suspended/), extensions: { code: 'UNAUTHENTICATED' } })]);
    const before = await snapshot();
    expect(refusal(await gql(OPS.update, { d: 'Still here' }, jo.token)).code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('given a suspended member, when reinstated, then they can log in again and their old token works again', async () => {
    const kai = await register('Kai');
    await gql(OPS.suspend, { id: kai.id, r: 'Spam' }, admin.token);
    const [, , suspended] = await eventsOf(kai.id);
    expect(suspended.data.forFraud).toBe(false); // the optional argument defaults to false

    const { data, errors } = await gql(OPS.reinstate, { id: kai.id }, admin.token);
    expect(errors).toBeUndefined();
    expect(data!.reinstateMember).toMatchObject({ id: kai.id, suspended: false });
    expect((await eventsOf(kai.id))[3]).toMatchObject({ type: 'MemberReinstated', data: { memberId: kai.id, adminId: admin.id, reinstatedAt: expect.any(String) } });
    expect(await count(`blocked_members WHERE member_id = '${kai.id}'`)).toBe(0);
    expect((await login(kai.email)).data!.login.member.id).toBe(kai.id);
    expect((await gql(OPS.me, {}, kai.token)).data!.me).toMatchObject({ id: kai.id, suspended: false });
  });

  /** Each case gets an active member and a suspended one; the operation is built from them. */
  type Operation = (active: Member, suspended: Member) => [string, Record<string, unknown>, string | undefined];
  it.each<[string, string, string | undefined, Operation]>([
    ['suspending a suspended member', 'CONFLICT', 'memberId', (_a, s) => [OPS.suspend, { id: s.id, r: 'Again' }, admin.token]],
    ['reinstating a member who is not suspended', 'CONFLICT', 'memberId', (a) => [OPS.reinstate, { id: a.id }, admin.token]],
    ['suspending oneself', 'CONFLICT', 'memberId', () => [OPS.suspend, { id: admin.id, r: 'Testing' }, admin.token]],
    ['a blank reason', 'BAD_USER_INPUT', 'reason', (a) => [OPS.suspend, { id: a.id, r: '  ' }, admin.token]],
    ['an unknown member', 'NOT_FOUND', 'memberId', () => [OPS.suspend, { id: '0193a0b4-6f1e-7c3a-9d2e-00000000beef', r: 'Spam' }, admin.token]],
    ['a member suspending', 'FORBIDDEN', undefined, (a) => [OPS.suspend, { id: admin.id, r: 'Revenge' }, a.token]],
    ['a member reinstating', 'FORBIDDEN', undefined, (a, s) => [OPS.reinstate, { id: s.id }, a.token]],
    ['an anonymous caller reinstating', 'UNAUTHENTICATED', undefined, (_a, s) => [OPS.reinstate, { id: s.id }, undefined]],
  ])('given %s, then %s and nothing is written', async (_case, code, field, operation) => {
    const active = await register('Lou');
    const suspended = await register('Max');
    await gql(OPS.suspend, { id: suspended.id, r: 'Spam' }, admin.token);
    const [query, variables, token] = operation(active, suspended);
    const before = await snapshot();
    expect(refusal(await gql(query, variables, token))).toEqual({ data: null, code, field });
    expect(await snapshot()).toEqual(before);
  });

  it('given two admins suspending each other at the same moment, then exactly one suspension happens', async () => {
    const a = await register('Ann');
    const b = await register('Ben');
    for (const m of [a, b]) await gql(OPS.grant, { id: m.id }, admin.token);
    const [ta, tb] = await Promise.all([a, b].map(async (m) => (await login(m.email)).data!.login.token as string));
    const results = await Promise.all([gql(OPS.suspend, { id: b.id, r: 'Rogue admin' }, ta), gql(OPS.suspend, { id: a.id, r: 'Rogue admin' }, tb)]);
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(await count(`members WHERE id IN ('${a.id}', '${b.id}') AND suspended`)).toBe(1);
  });
});

describe('tokens identity refuses', () => {
  const sign = (claims: Record<string, unknown>, secret = jwt.secret, exp: number | string = '5m') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('payforward').setSubject(admin.id).setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(secret));

  it('given an expired, a forged, a malformed or a non-bearer token, when asking for me or updating, then UNAUTHENTICATED saying why; no token at all is anonymous', async () => {
    const expired = await sign({ roles: ['MEMBER', 'ADMIN'] }, jwt.secret, Math.floor(Date.now() / 1000) - 60);
    const forged = await sign({ roles: ['MEMBER', 'ADMIN'] }, 'another-secret-that-is-long-enough-0123456789');
    for (const [authorization, message] of [
      [`Bearer ${expired}`, /expired/],
      [`Bearer ${forged}`, /not valid/],
      ['Bearer not.a.token', /not valid/],
      [`Basic ${Buffer.from('admin:pw').toString('base64')}`, /not valid/],
    ] as const) {
      for (const query of [OPS.me, OPS.update]) {
        const result = await gql(query, { d: 'Intruder' }, undefined, authorization);
        expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
        expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } })]);
      }
    }
    expect(await gql(OPS.me)).toEqual({ data: { me: null } });
    // Operations that do not ask who is calling still serve a request with a bad token, as anonymous: a
    // client signing in again with a stale header is not locked out.
    const relogin = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id contact { email } } } }', { e: ADMIN.email, p: ADMIN.password }, undefined, `Bearer ${expired}`);
    expect(relogin.errors).toBeUndefined();
    expect(relogin.data!.login.member).toEqual({ id: admin.id, contact: { email: ADMIN.email } });
  });
});
