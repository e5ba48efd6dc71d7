import { parse } from 'graphql';
import { clientAddress, trustedProxies } from './client-address.js';
import { isCrossSiteSafe } from './csrf.hook.js';
import { loadEdgeConfig } from './edge.config.js';
import { countLimitedFields } from './rate-limits.js';

const LIMITED = new Set(['login', 'register', 'requestHelp']);
const count = (query: string) => Object.fromEntries(countLimitedFields(parse(query), LIMITED));

describe('counting rate-limited fields', () => {
  it('given aliases, then every alias counts', () => {
    const logins = Array.from({ length: 100 }, (_, i) => `l${i}: login(email: "a${i}@x.io", password: "p") { token }`).join(' ');
    expect(count(`mutation { ${logins} }`)).toEqual({ login: 100 });
  });

  it('given fields behind fragments and inline fragments, and several operations, then every occurrence counts', () => {
    const query = `
      mutation A { ...Auth ... on Mutation { requestHelp(input: {}) { id } } }
      mutation B { r: register(input: {}) { token } login(email: "e", password: "p") { token } }
      fragment Auth on Mutation { login(email: "e", password: "p") { token } again: login(email: "f", password: "p") { token } }`;
    expect(count(query)).toEqual({ login: 3, register: 1, requestHelp: 1 });
  });

  it('given a query or a nested field of the same name, then nothing counts', () => {
    expect(count('{ login { id } me { register } }')).toEqual({});
    expect(count('mutation { updateProfile(displayName: "x") { login } }')).toEqual({});
  });

  it('given fragments that spread each other in a cycle (invalid, refused later), then counting ends', () => {
    expect(count('mutation { ...A } fragment A on Mutation { login(email: "e", password: "p") { token } ...B } fragment B on Mutation { ...A }')).toEqual({ login: 1 });
  });

  it('given a batch, then counts accumulate over its operations', () => {
    const into = new Map<string, number>();
    for (const _ of [1, 2, 3]) countLimitedFields(parse('mutation { a: login(email: "e", password: "p") { token } b: login(email: "e", password: "p") { token } }'), LIMITED, into);
    expect(into.get('login')).toBe(6);
  });
});

describe('the client address per-IP limits key on', () => {
  it('given no trusted proxy, then the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', null)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, null)).toBe('203.0.113.9');
  });

  it('given trusted proxies, then the right-most hop that is not one of them', () => {
    const trusted = trustedProxies(['10.0.0.0/8', '127.0.0.1']);
    expect(clientAddress('10.1.2.3', '6.6.6.6, 198.51.100.7, 10.9.9.9', trusted)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.8', trusted)).toBe('198.51.100.8');
    // A peer outside the list is the client, even if it claims otherwise.
    expect(clientAddress('203.0.113.9', '198.51.100.7', trusted)).toBe('203.0.113.9');
    // Garbage in the header stops the walk at the last hop a trusted proxy vouched for.
    expect(clientAddress('10.1.2.3', 'not-an-ip, 10.0.0.5', trusted)).toBe('10.0.0.5');
  });

  it('given a malformed trusted proxy, then the gateway refuses to start', () => {
    expect(() => trustedProxies(['10.0.0.0/8', 'proxy.internal'])).toThrow(/GATEWAY_TRUSTED_PROXIES/);
  });
});

describe('CSRF prevention', () => {
  it.each([
    ['application/json', {}, true],
    ['application/graphql-response+json; charset=utf-8', {}, true],
    ['text/plain', {}, false],
    ['application/x-www-form-urlencoded', {}, false],
    ['multipart/form-data; boundary=x', {}, false],
    [undefined, {}, false],
    ['text/plain', { 'graphql-preflight': '1' }, true],
    ['text/plain', { 'apollo-require-preflight': 'true' }, true],
    ['text/plain', { 'x-apollo-operation-name': 'Login' }, true],
    ['text/plain', { 'x-apollo-operation-name': '' }, false],
  ])('given a POST with content type %p and headers %p, then allowed = %p', (type, headers, allowed) => {
    expect(isCrossSiteSafe('POST', { ...(type ? { 'content-type': type } : {}), ...headers })).toBe(allowed);
  });

  it('given a GET (a query, or the WebSocket upgrade), then CSRF prevention leaves it to the edge guard', () => {
    expect(isCrossSiteSafe('GET', {})).toBe(true);
  });
});

describe('edge configuration', () => {
  it('given no settings, then the documented rate limits', () => {
    expect(loadEdgeConfig({}).rateLimits.map(({ field, per, points, durationSeconds }) => [field, per, points, durationSeconds])).toEqual([
      ['login', 'ip', 10, 60],
      ['register', 'ip', 5, 3600],
      ['requestHelp', 'member', 20, 3600],
      ['requestHelp', 'ip', 100, 3600],
      ['requestPasswordReset', 'ip', 5, 3600],
      ['resetPassword', 'ip', 10, 3600],
      ['verifyEmail', 'ip', 20, 3600],
      ['resendVerificationEmail', 'member', 5, 3600],
    ]);
    expect(loadEdgeConfig({}).production).toBe(false);
  });

  it('given settings, then they replace the defaults; given an invalid one, then the gateway refuses to start', () => {
    const config = loadEdgeConfig({ GRAPHQL_MAX_DEPTH: '8', RATE_LIMIT_LOGIN_PER_MINUTE: '3', GATEWAY_TRUSTED_PROXIES: '10.0.0.0/8, ::1', NODE_ENV: 'production' });
    expect(config.limits.depth).toBe(8);
    expect(config.rateLimits[0]!.points).toBe(3);
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(config.production).toBe(true);
    expect(() => loadEdgeConfig({ GRAPHQL_MAX_COST: 'lots' })).toThrow(/GRAPHQL_MAX_COST/);
    expect(() => loadEdgeConfig({ RATE_LIMIT_REGISTER_PER_HOUR: '0' })).toThrow(/RATE_LIMIT_REGISTER_PER_HOUR/);
  });
});
