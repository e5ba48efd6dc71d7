import { jest } from '@jest/globals';
import pg from 'pg';
import { JwtTokens } from '@payforward/platform';
import { pgConfig, startStack, type Stack } from '@payforward/testing';
import { countEvents, EVENTS_PER_REGISTRATION, expectTypedErrors, get, INTERNALS, loginField, refusedWith, registerField, send, type GatewayReply } from './e2e/edge.fixtures.js';

/**
 * The gateway in production mode (NODE_ENV=production): no introspection, no IDE, no field
 * suggestions, no internals in errors; CSRF prevention; and the rate limits, with the shipped
 * numbers for login (10 a minute per address) and register (5 an hour per address) and a lower
 * requestHelp limit (3 an hour per member instead of 20) to keep the spec short. The spec's
 * requests come from 127.0.0.1, trusted as a proxy here, and name their client address in
 * X-Forwarded-For, so each case has addresses of its own. Aliases and tokens are raised so that
 * 100 aliased logins reach the rate limits rather than stopping at the alias limit.
 */
jest.setTimeout(60_000);

let stack: Stack;
let identityDb: pg.Pool;
const events = () => countEvents(identityDb);
const OFFER_ID = '0193a0b4-6f1e-7c3a-9d2e-00000000abcd';

beforeAll(async () => {
  stack = await startStack({
    env: {
      NODE_ENV: 'production',
      GATEWAY_TRUSTED_PROXIES: '127.0.0.1',
      RATE_LIMIT_LOGIN_PER_MINUTE: '10',
      RATE_LIMIT_REGISTER_PER_HOUR: '5',
      RATE_LIMIT_REQUEST_HELP_PER_HOUR: '3',
      RATE_LIMIT_REQUEST_HELP_PER_HOUR_PER_IP: '100',
      GRAPHQL_MAX_ALIASES: '120',
      GRAPHQL_MAX_TOKENS: '5000',
    },
  });
  identityDb = new pg.Pool({ ...pgConfig(), database: stack.databases.identity, max: 2 });
}, 240_000);

afterAll(async () => {
  await identityDb?.end();
  await stack?.stop();
}, 60_000);

const logins = (n: number, from = 0) => `mutation { ${Array.from({ length: n }, (_, i) => loginField(`l${from + i}`)).join(' ')} }`;
const codesOf = (reply: GatewayReply): string[] => reply.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code);

function rateLimited(reply: GatewayReply, field: string): number {
  expect(reply.status).toBe(429);
  const error = refusedWith(reply, 'RATE_LIMITED', field);
  const retryAfter = error.extensions.retryAfterSeconds as number;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(reply.headers.get('retry-after')).toBe(String(retryAfter));
  return retryAfter;
}

describe('production mode', () => {
  it('given an introspection query, over POST or GET, then it is refused with a typed error; __typename still answers', async () => {
    refusedWith(await send(stack, { query: '{ __schema { types { name } } }' }), 'BAD_USER_INPUT', 'introspection');
    refusedWith(await send(stack, { query: '{ __type(name: "Member") { fields { name } } }' }), 'BAD_USER_INPUT', 'introspection');
    refusedWith(await get(stack, '/graphql', { query: '{ __schema { queryType { name } } }' }), 'BAD_USER_INPUT', 'introspection');
    expect((await send(stack, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('given the GraphiQL routes, then they do not exist', async () => {
    expect((await get(stack, '/graphiql')).status).toBe(404);
    expect((await get(stack, '/graphiql/main.js')).status).toBe(404);
  });

  it('given a misspelled field, argument or enum value, then the typed error suggests nothing from the schema', async () => {
    const field = await send(stack, { query: '{ me { displayNam } }' });
    const enumValue = await send(stack, { query: 'query($as: Party!) { myRequests(as: $as) { id } }', variables: { as: 'SEEKR' } });
    const argument = await send(stack, { query: '{ member(idd: "1") { id } }' });
    for (const reply of [field, enumValue, argument]) {
      expect(codesOf(reply).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
      expect(JSON.stringify(reply.body)).not.toMatch(/Did you mean|Suggestion/i);
    }
    expect(field.body.errors[0].message).toBe('Cannot query field "displayNam" on type "Member".');
    expect(JSON.stringify(field.body)).not.toContain('displayName');
    expect(JSON.stringify(enumValue.body)).not.toContain('SEEKER');
  });

  it('given malformed requests, then every answer is a typed error without a stack trace or internal detail', async () => {
    const replies = [
      await send(stack, '{"query": "{ me { id }'),
      await send(stack, { query: '{ me { id ' }),
      await send(stack, { query: 'query($id: ID!) { member(id: $id) { id } }', variables: { id: { nested: true } } }),
      await send(stack, { query: '{ me { id } }', operationName: 'Missing' }),
      await send(stack, {}),
      await send(stack, [{ query: '{ me { id } }' }, 42]),
      await send(stack, { query: 'query($n: Int) { leaderboard(first: $n) { score } }', variables: { n: 1e30 } }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBeLessThan(500);
      expectTypedErrors(reply);
      expect(JSON.stringify(reply.body)).not.toMatch(INTERNALS);
    }
  });
});

describe('CSRF prevention', () => {
  it('given a text/plain or form-encoded POST, then it is refused before anything runs; JSON passes', async () => {
    const before = await events();
    const mutation = `mutation { ${registerField(stack, 'r')} }`;
    const plain = await send(stack, JSON.stringify({ query: mutation }), { headers: { 'content-type': 'text/plain' } });
    const form = await send(stack, `query=${encodeURIComponent(mutation)}`, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    for (const reply of [plain, form]) {
      expect(reply.status).toBe(400);
      expect(refusedWith(reply, 'BAD_USER_INPUT', 'csrf').message).toMatch(/cross-site request forgery/);
    }
    expect(await events()).toBe(before);
    expect((await send(stack, { query: '{ __typename }' }, { headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(200);
  });

  it('given a mutation over GET, then it is refused and nothing runs; a query over GET answers', async () => {
    const before = await events();
    const reply = await get(stack, '/graphql', { query: `mutation { ${registerField(stack, 'r')} }` });
    expect(reply.status).toBe(405);
    refusedWith(reply, 'BAD_USER_INPUT', 'method');
    expect(await events()).toBe(before);
    expect((await get(stack, '/graphql', { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('rate limits', () => {
  it('given 10 logins in a minute from one address, then the 11th is RATE_LIMITED with a retry hint; another address may still log in', async () => {
    for (let i = 0; i < 10; i++) expect(codesOf(await send(stack, { query: logins(1, i) }, { ip: '198.51.100.10' }))).toEqual(['UNAUTHENTICATED']);
    const retryAfter = rateLimited(await send(stack, { query: logins(1) }, { ip: '198.51.100.10' }), 'login');
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(codesOf(await send(stack, { query: logins(1) }, { ip: '198.51.100.11' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('given 9 aliased logins in one request, then they count as 9: one more login passes, the next is refused', async () => {
    // Answered, not refused: each login fails (and a failed non-null mutation field ends the rest of the operation).
    const nine = await send(stack, { query: logins(9) }, { ip: '198.51.100.12' });
    expect(new Set(codesOf(nine))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(codesOf(await send(stack, { query: logins(1) }, { ip: '198.51.100.12' }))).toEqual(['UNAUTHENTICATED']);
    rateLimited(await send(stack, { query: logins(1) }, { ip: '198.51.100.12' }), 'login');
  });

  it('given 100 aliased logins beside a registration in one request, then all is refused, nothing runs, and the 100 are counted', async () => {
    const before = await events();
    const query = logins(100).replace(/^mutation \{/, `mutation { ${registerField(stack, 'r')}`);
    rateLimited(await send(stack, { query }, { ip: '198.51.100.13' }), 'login');
    expect(await events()).toBe(before);
    rateLimited(await send(stack, { query: logins(1) }, { ip: '198.51.100.13' }), 'login');
  });

  it('given a batch of 6 operations of 2 logins each, then the 12 are counted and the batch refused; 5 such operations pass', async () => {
    const batch = (n: number) => Array.from({ length: n }, (_, i) => ({ query: logins(2, 2 * i) }));
    const refused = await send(stack, batch(6), { ip: '198.51.100.14' });
    expect(refused.status).toBe(429);
    expect(refused.body).toHaveLength(6);
    for (const result of refused.body) expect(result.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'login' });
    const passed = await send(stack, batch(5), { ip: '198.51.100.15' });
    expect(passed.status).toBe(200);
    expect(passed.body.map((r: GatewayReply['body']) => r.errors[0].extensions.code)).toEqual(Array(5).fill('UNAUTHENTICATED'));
  });

  it('given 6 registrations in an hour from one address, then the 6th is refused and creates no member', async () => {
    const before = await events();
    const registrations = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => registerField(stack, `r${i}`)).join(' ')} }`;
    rateLimited(await send(stack, { query: registrations(6) }, { ip: '198.51.100.16' }), 'register');
    expect(await events()).toBe(before);

    const five = await send(stack, { query: registrations(5) }, { ip: '198.51.100.17' });
    expect(Object.keys(five.body.data)).toHaveLength(5);
    expect(await events()).toBe(before + 5 * EVENTS_PER_REGISTRATION);
    rateLimited(await send(stack, { query: registrations(1) }, { ip: '198.51.100.17' }), 'register');
    expect(await events()).toBe(before + 5 * EVENTS_PER_REGISTRATION);
  });

  it('given a member over their requestHelp limit, then they are refused while another member is not; a forged token is not taken for them', async () => {
    const tokens = new JwtTokens({ secret: stack.env.JWT_SECRET!, expiresIn: '1h', issuer: 'payforward' });
    const [maya, sam] = ['0193a0b4-6f1e-7c3a-9d2e-0000000000a1', '0193a0b4-6f1e-7c3a-9d2e-0000000000a2'];
    const asMaya = await tokens.issue({ memberId: maya, roles: ['MEMBER'] });
    const ask = { query: `mutation { requestHelp(input: { offerId: "${OFFER_ID}", message: "${'m'.repeat(60)}", goal: "A clear plan" }) { id } }` };
    for (let i = 0; i < 3; i++) expect(codesOf(await send(stack, ask, { ip: '198.51.100.18', token: asMaya }))).not.toContain('RATE_LIMITED');
    rateLimited(await send(stack, ask, { ip: '198.51.100.18', token: asMaya }), 'requestHelp');

    const asSam = await tokens.issue({ memberId: sam, roles: ['MEMBER'] });
    expect(codesOf(await send(stack, ask, { ip: '198.51.100.18', token: asSam }))).not.toContain('RATE_LIMITED');
    const forged = await new JwtTokens({ secret: 'not-the-secret-0123456789abcdef0123456789', expiresIn: '1h', issuer: 'payforward' }).issue({ memberId: maya, roles: ['MEMBER'] });
    expect(codesOf(await send(stack, ask, { ip: '198.51.100.18', token: forged }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('no internals, even when a subgraph is down', () => {
  it('given the reputation service stopped, then a query that needs it gets only the generic internal error', async () => {
    await stack.services.find((s) => s.name === 'reputation')!.stop();
    const reply = await send(stack, { query: `{ reputation(memberId: "${OFFER_ID}") { score } }` });
    expect(reply.body.errors).toEqual([{ message: 'Something went wrong on our side. Please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(reply.body)).not.toMatch(INTERNALS);
  });
});
