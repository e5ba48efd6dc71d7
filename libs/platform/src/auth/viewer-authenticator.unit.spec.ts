import { SignJWT } from 'jose';
import type pg from 'pg';
import { blockChangeOf } from './blocked-members.js';
import { JwtTokens } from './jwt.js';
import { BlockedViewerCache, blockedViewerCacheMsOf, ViewerAuthenticator } from './viewer-authenticator.js';

const config = { secret: 'viewer-authenticator-spec-secret-0123456789', expiresIn: '5m', issuer: 'payforward' };
const tokens = new JwtTokens(config);
const memberId = '0193a0b4-6f1e-7c3a-9d2e-000000000001';
const adminId = '0193a0b4-6f1e-7c3a-9d2e-000000000009';

/** A stand-in for the pool that answers the blocked-member lookup from a map and counts the queries. */
function blockedTable(rows: Record<string, string>) {
  const calls: string[] = [];
  const pool = {
    query: async (q: { values: string[] }) => {
      calls.push(q.values[0]!);
      const reason = rows[q.values[0]!];
      return { rows: reason ? [{ reason }] : [] };
    },
  } as unknown as pg.Pool;
  return { pool, calls, rows };
}

const sign = (claims: { sub?: string; exp?: number; iss?: string }, secret = config.secret) => {
  const jwt = new SignJWT({ roles: ['MEMBER'] }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setIssuer(claims.iss ?? 'payforward');
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setExpirationTime(claims.exp ?? '5m');
  return jwt.sign(new TextEncoder().encode(secret));
};

describe('JwtTokens.checkAuthorizationHeader', () => {
  it('tells no credentials, a valid token and refused credentials apart, and why they were refused', async () => {
    const valid = await tokens.issue({ memberId, roles: ['MEMBER'] });
    expect(await tokens.checkAuthorizationHeader(undefined)).toEqual({ kind: 'none' });
    expect(await tokens.checkAuthorizationHeader('  ')).toEqual({ kind: 'none' });
    expect(await tokens.checkAuthorizationHeader(`Bearer ${valid}`)).toEqual({ kind: 'valid', viewer: { memberId, roles: ['MEMBER'] }, issuedAtMs: expect.any(Number) });
    expect(await tokens.checkAuthorizationHeader([`bearer ${valid}`])).toMatchObject({ kind: 'valid' });
    const expired = await sign({ sub: memberId, exp: Math.floor(Date.now() / 1000) - 10 });
    expect(await tokens.checkAuthorizationHeader(`Bearer ${expired}`)).toEqual({ kind: 'rejected', reason: 'expired' });
    for (const header of [
      `Bearer ${await sign({ sub: memberId }, 'another-secret-of-sufficient-length-0123456789')}`,
      `Bearer ${await sign({ sub: memberId, iss: 'someone-else' })}`,
      `Bearer ${await sign({})}`,
      'Bearer not.a.token',
      'Bearer',
      `Basic ${Buffer.from('a:b').toString('base64')}`,
    ]) {
      expect(await tokens.checkAuthorizationHeader(header)).toEqual({ kind: 'rejected', reason: 'invalid' });
    }
    // The rate limiter's view stays "a viewer or nobody".
    expect(await tokens.fromAuthorizationHeader(`Bearer ${expired}`)).toBeNull();
  });
});

describe('blocked members', () => {
  it('maps suspension to a SUSPENDED block and reinstatement to lifting that reason only; other events block nobody', () => {
    const at = '2026-11-25T10:00:00.000Z';
    expect(blockChangeOf({ type: 'MemberSuspended', data: { memberId, reason: 'Spam', forFraud: false, adminId, suspendedAt: at } })).toEqual({
      kind: 'block',
      memberId,
      reason: 'SUSPENDED',
      since: at,
    });
    expect(blockChangeOf({ type: 'MemberReinstated', data: { memberId, adminId, reinstatedAt: at } })).toEqual({ kind: 'unblock', memberId, reason: 'SUSPENDED' });
    expect(blockChangeOf({ type: 'MemberRegistered', data: { memberId } })).toBeNull();
    expect(blockChangeOf({ type: 'AdminRoleGranted', data: { memberId, role: 'ADMIN', adminId, grantedAt: at } })).toBeNull();
  });

  it('reuses a lookup for the cache time, asks again after it or once forgotten, and asks every time with 0', async () => {
    const table = blockedTable({});
    let now = 1_000;
    const cache = new BlockedViewerCache(table.pool, 2_000, () => now);
    expect(await cache.reasonFor(memberId)).toBeNull();
    table.rows[memberId] = 'SUSPENDED';
    now += 1_999;
    expect(await cache.reasonFor(memberId)).toBeNull(); // still the cached answer
    now += 1;
    expect(await cache.reasonFor(memberId)).toBe('SUSPENDED');
    delete table.rows[memberId];
    cache.forget(memberId);
    expect(await cache.reasonFor(memberId)).toBeNull();
    expect(table.calls).toHaveLength(3);

    const uncached = new BlockedViewerCache(table.pool, 0);
    await uncached.reasonFor(memberId);
    await uncached.reasonFor(memberId);
    expect(table.calls).toHaveLength(5);
  });

  it('reads BLOCKED_VIEWER_CACHE_MS, defaulting to 2 s and refusing nonsense', () => {
    expect(blockedViewerCacheMsOf({})).toBe(2_000);
    expect(blockedViewerCacheMsOf({ BLOCKED_VIEWER_CACHE_MS: '0' })).toBe(0);
    expect(() => blockedViewerCacheMsOf({ BLOCKED_VIEWER_CACHE_MS: '-5' })).toThrow(/BLOCKED_VIEWER_CACHE_MS/);
    expect(() => blockedViewerCacheMsOf({ BLOCKED_VIEWER_CACHE_MS: 'soon' })).toThrow(/BLOCKED_VIEWER_CACHE_MS/);
  });
});

describe('ViewerAuthenticator', () => {
  it('serves a valid token of a member not blocked; refuses a blocked member with the reason; no header is anonymous', async () => {
    const table = blockedTable({ [adminId]: 'SUSPENDED' });
    const auth = new ViewerAuthenticator(tokens, new BlockedViewerCache(table.pool, 0));
    expect(await auth.authenticate(`Bearer ${await tokens.issue({ memberId, roles: ['MEMBER'] })}`)).toEqual({
      viewer: { memberId, roles: ['MEMBER'] },
      rejection: null,
    });
    expect(await auth.authenticate(`Bearer ${await tokens.issue({ memberId: adminId, roles: ['MEMBER', 'ADMIN'] })}`)).toEqual({ viewer: null, rejection: 'suspended' });
    table.rows[adminId] = 'ERASED';
    expect(await auth.authenticate(`Bearer ${await tokens.issue({ memberId: adminId, roles: ['MEMBER'] })}`)).toEqual({ viewer: null, rejection: 'erased' });
    expect(await auth.authenticate(undefined)).toEqual({ viewer: null, rejection: null });
    expect(await auth.authenticate('Bearer nope')).toEqual({ viewer: null, rejection: 'invalid' });
    expect(table.calls).toEqual([memberId, adminId, adminId]); // refused tokens never reach the table
  });
});

describe('ViewerAuthenticator after a password reset (ADR 019)', () => {
  it('refuses tokens issued at or before the reset as ended, serves one issued after it', async () => {
    const before = await tokens.issue({ memberId, roles: ['MEMBER'] });
    const resetAt = Date.now() + 1;
    while (Date.now() <= resetAt) await new Promise((resolve) => setImmediate(resolve)); // the clock moves past the reset
    const after = await tokens.issue({ memberId, roles: ['MEMBER'] });
    const pool = { query: async () => ({ rows: [{ reason: null, sessions_ended_at: new Date(resetAt) }] }) } as unknown as pg.Pool;
    const auth = new ViewerAuthenticator(tokens, new BlockedViewerCache(pool, 0));
    expect(await auth.authenticate(`Bearer ${before}`)).toEqual({ viewer: null, rejection: 'ended' });
    expect(await auth.authenticate(`Bearer ${after}`)).toEqual({ viewer: { memberId, roles: ['MEMBER'] }, rejection: null });
  });

  it('maps PasswordReset to a cutoff and nothing else to one', async () => {
    const { sessionCutoffOf } = await import('./session-cutoffs.js');
    const resetAt = '2026-11-25T10:00:00.000Z';
    expect(sessionCutoffOf({ type: 'PasswordReset', data: { memberId, resetAt } })).toEqual({ memberId, notBefore: resetAt });
    expect(sessionCutoffOf({ type: 'MemberSuspended', data: { memberId } })).toBeNull();
  });
});
