import { jest } from '@jest/globals';
import { SignJWT } from 'jose';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { send } from './e2e/edge.fixtures.js';
import { ALWAYS_AVAILABLE, expectRefused, loginAdmin, ok, OPS, register, type Member } from './e2e/marketplace.fixtures.js';

/**
 * Identity's account operations and sessions through the gateway, on the built services over
 * real PostgreSQL and Kafka: a suspension ends the member's login and tokens in every service
 * (identity at once, the others once they consumed MemberSuspended) and a reinstatement
 * restores them; a granted admin role works after signing in again; profile updates; and
 * expired, forged or malformed tokens are refused (UNAUTHENTICATED) wherever who is calling matters.
 */
jest.setTimeout(240_000);

let stack: Stack;
let admin: Member;

const PASSWORD = 'a long enough password';
const MEMBER_FIELDS = 'id displayName headline timezone roles suspended';
const ACCOUNT = {
  me: `{ me { ${MEMBER_FIELDS} } }`,
  update: `mutation($d: String, $h: String, $t: String) { updateProfile(displayName: $d, headline: $h, timezone: $t) { ${MEMBER_FIELDS} } }`,
  grant: `mutation($id: ID!) { grantAdmin(memberId: $id) { ${MEMBER_FIELDS} } }`,
  suspend: `mutation($id: ID!, $r: String!) { suspendMember(memberId: $id, reason: $r) { ${MEMBER_FIELDS} } }`,
  reinstate: `mutation($id: ID!) { reinstateMember(memberId: $id) { ${MEMBER_FIELDS} } }`,
};
/** One operation per service that asks who is calling. */
const AS_VIEWER = {
  identity: ACCOUNT.me,
  marketplace: '{ myRequests(as: SEEKER) { id } }',
  reputation: '{ projections { name } }',
};
/**
 * Propagation to the other services: relay, Kafka, their consumer, then their short blocked-member
 * cache. Generous: a fresh stack's consumer groups first read the shared dev topic from its start.
 */
const PROPAGATION = { timeoutMs: 90_000, intervalMs: 250 };

const codeOf = (result: Awaited<ReturnType<Stack['gql']>>) => result.errors?.[0]?.extensions?.code ?? null;
const login = (email: string, password = PASSWORD) => stack.gql(OPS.login, { email, password });

beforeAll(async () => {
  stack = await startStack();
  admin = await loginAdmin(stack);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe('suspension ends a member’s sessions everywhere; reinstatement restores them', () => {
  it('given a member with a token every service accepts, when an admin suspends them and later reinstates them, then login and tokens stop and work again', async () => {
    const sam = await register(stack, 'Sam');
    expect(codeOf(await stack.gql(AS_VIEWER.identity, {}, sam.token))).toBeNull();
    expect(codeOf(await stack.gql(AS_VIEWER.marketplace, {}, sam.token))).toBeNull();
    expect(codeOf(await stack.gql(AS_VIEWER.reputation, {}, sam.token))).toBe('FORBIDDEN'); // a member, not an admin

    const suspended = ok(await stack.gql(ACCOUNT.suspend, { id: sam.id, r: 'Asked 40 mentors for referrals in an hour' }, admin.token));
    expect(suspended.suspendMember).toMatchObject({ id: sam.id, suspended: true });

    // Login: the same answer as a wrong password.
    const refusedLogin = await login(sam.email);
    expect(refusedLogin.errors).toEqual((await login(sam.email, 'not the password')).errors);
    expectRefused(refusedLogin, 'UNAUTHENTICATED');
    // Identity refuses the token from the commit on; the others once they consumed the event.
    const me = await stack.gql(AS_VIEWER.identity, {}, sam.token);
    expect(me.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/suspended/), extensions: { code: 'UNAUTHENTICATED' } })]);
    for (const service of ['marketplace', 'reputation'] as const) {
      await waitFor(async () => codeOf(await stack.gql(AS_VIEWER[service], {}, sam.token)) === 'UNAUTHENTICATED', {
        ...PROPAGATION,
        what: `${service} to refuse the suspended member's token`,
      });
    }
    // Acting is refused too, and public reads still answer (as to anyone).
    const offer = await stack.gql(OPS.publish, { input: { kind: 'ADVICE_CALL', title: 'Still here', description: 'An offer from a suspended member.', topics: ['x'], capacity: 1, period: 'WEEK', durationMinutes: 30 } }, sam.token);
    expectRefused(offer, 'UNAUTHENTICATED');
    expect(ok(await stack.gql('query($id: ID!) { member(id: $id) { id suspended } }', { id: sam.id })).member).toEqual({ id: sam.id, suspended: true });

    expect(ok(await stack.gql(ACCOUNT.reinstate, { id: sam.id }, admin.token)).reinstateMember).toMatchObject({ id: sam.id, suspended: false });
    expect(ok(await login(sam.email)).login.member.id).toBe(sam.id);
    expect(codeOf(await stack.gql(AS_VIEWER.identity, {}, sam.token))).toBeNull();
    await waitFor(async () => codeOf(await stack.gql(AS_VIEWER.marketplace, {}, sam.token)) === null, { ...PROPAGATION, what: 'marketplace to accept the token again' });
    await waitFor(async () => codeOf(await stack.gql(AS_VIEWER.reputation, {}, sam.token)) === 'FORBIDDEN', { ...PROPAGATION, what: 'reputation to accept the token again' });
  });

  it('given a member, when another member tries to suspend or reinstate them, then FORBIDDEN; anonymously, UNAUTHENTICATED', async () => {
    const [ann, ben] = [await register(stack, 'Ann'), await register(stack, 'Ben')];
    expectRefused(await stack.gql(ACCOUNT.suspend, { id: ben.id, r: 'Spam' }, ann.token), 'FORBIDDEN');
    expectRefused(await stack.gql(ACCOUNT.reinstate, { id: ben.id }, ann.token), 'FORBIDDEN');
    expectRefused(await stack.gql(ACCOUNT.grant, { id: ann.id }, ann.token), 'FORBIDDEN');
    expectRefused(await stack.gql(ACCOUNT.suspend, { id: ben.id, r: 'Spam' }), 'UNAUTHENTICATED');
    expect(ok(await stack.gql('query($id: ID!) { member(id: $id) { suspended } }', { id: ben.id })).member).toEqual({ suspended: false });
  });
});

describe('grantAdmin', () => {
  it('given a member granted the admin role, when they sign in again, then admin operations of every service serve them (the old token stays a member’s)', async () => {
    const gus = await register(stack, 'Gus');
    expect(ok(await stack.gql(ACCOUNT.grant, { id: gus.id }, admin.token)).grantAdmin.roles).toEqual(['MEMBER', 'ADMIN']);
    expectRefused(await stack.gql(AS_VIEWER.reputation, {}, gus.token), 'FORBIDDEN');

    const relogin = ok(await login(gus.email)).login;
    expect(relogin.member.roles).toEqual(['MEMBER', 'ADMIN']);
    expect(ok(await stack.gql(AS_VIEWER.reputation, {}, relogin.token)).projections).toEqual(expect.arrayContaining([{ name: 'reputation' }]));
    const other = await register(stack, 'Hal');
    expect(ok(await stack.gql(ACCOUNT.suspend, { id: other.id, r: 'Checking the new admin' }, relogin.token)).suspendMember.suspended).toBe(true);
  });
});

describe('updateProfile', () => {
  it('given a member, when they change their name and time zone, then Member shows the change and the marketplace follows the new zone', async () => {
    const dana = await register(stack, 'Dana');
    const updated = ok(await stack.gql(ACCOUNT.update, { d: 'Dana Lee', t: 'Asia/Tokyo' }, dana.token)).updateProfile;
    expect(updated).toEqual({ id: dana.id, displayName: 'Dana Lee', headline: 'Dana in the e2e spec', timezone: 'Asia/Tokyo', roles: ['MEMBER'], suspended: false });
    expect(ok(await stack.gql('query($id: ID!) { member(id: $id) { displayName timezone } }', { id: dana.id })).member).toEqual({ displayName: 'Dana Lee', timezone: 'Asia/Tokyo' });
    // Availability set without a zone defaults to the profile's, once the marketplace consumed the update.
    await waitFor(async () => (await stack.gql(OPS.availability, { input: ALWAYS_AVAILABLE }, dana.token)).data?.setAvailability?.timezone === 'Asia/Tokyo', {
      ...PROPAGATION,
      what: 'the marketplace to follow the profile time zone',
    });
  });

  it('given a bad time zone, when updating, then BAD_USER_INPUT with field timezone and the profile is unchanged', async () => {
    const eli = await register(stack, 'Eli');
    const result = await stack.gql(ACCOUNT.update, { d: 'Eli Renamed', t: 'Mars/Olympus' }, eli.token);
    expect(result.data ?? null).toBeNull();
    expect(expectRefused(result, 'BAD_USER_INPUT').extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'timezone' });
    expect(ok(await stack.gql(ACCOUNT.me, {}, eli.token)).me).toMatchObject({ displayName: 'Eli', timezone: 'UTC' });
  });
});

describe('tokens that are not valid', () => {
  const sign = (subject: string, secret: string, expiresAt: number | string) =>
    new SignJWT({ roles: ['MEMBER', 'ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('payforward')
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(secret));

  it('given an expired, a forged or a malformed token, when calling operations that need a viewer in each service, then UNAUTHENTICATED; public ones answer as to anyone', async () => {
    const expired = await sign(admin.id, stack.env.JWT_SECRET!, Math.floor(Date.now() / 1000) - 60);
    const forged = await sign(admin.id, 'not-the-stack-secret-but-long-enough-0123456789', '10m');
    const operations = [AS_VIEWER.identity, AS_VIEWER.marketplace, AS_VIEWER.reputation, '{ mentorDashboard { offers { used } } }', ACCOUNT.update];
    for (const [label, authorization, message] of [
      ['expired', `Bearer ${expired}`, /expired/],
      ['forged', `Bearer ${forged}`, /not valid/],
      ['malformed', 'Bearer not-a-token', /not valid/],
      ['not a bearer token', 'Basic YWRtaW46cGFzc3dvcmQ=', /not valid/],
    ] as const) {
      for (const query of operations) {
        const reply = await send(stack, { query, variables: { d: 'Intruder' } }, { headers: { authorization } });
        const errors = reply.body.errors as { message: string; extensions: Record<string, unknown> }[];
        expect({ label, query, errors }).toEqual({ label, query, errors: [expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } })] });
      }
      const offers = await send(stack, { query: '{ offers(first: 1) { nodes { id } } }' }, { headers: { authorization } });
      expect(offers.body.errors).toBeUndefined();
    }
    // The admin's real token is untouched by all of this.
    expect(ok(await stack.gql(ACCOUNT.me, {}, admin.token)).me.roles).toContain('ADMIN');
  });
});
