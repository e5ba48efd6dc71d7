import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import { applyBlockingEvent, blockReasonOf, BlockedMembersSchema1767225700100, viewerStandingOf } from './blocked-members.js';
import { SessionCutoffsSchema1767225700200 } from './session-cutoffs.js';

/** `blocked_members` on the real PostgreSQL: what each identity event does, replayed or out of the usual order. */

const memberId = '0193a0b4-6f1e-7c3a-9d2e-000000000001';
const adminId = '0193a0b4-6f1e-7c3a-9d2e-000000000009';
const at = '2026-11-25T10:00:00.000Z';

const suspended = { type: 'MemberSuspended', data: { memberId, reason: 'Spam', forFraud: false, adminId, suspendedAt: at } };
const reinstated = { type: 'MemberReinstated', data: { memberId, adminId, reinstatedAt: at } };
// The erasure hook's shape: a block with reason ERASED (fed through the same table by erasure's event).
const erasedRow = (db: pg.Pool) => db.query(`INSERT INTO blocked_members (member_id, reason, since) VALUES ($1, 'ERASED', $2) ON CONFLICT (member_id) DO UPDATE SET reason = 'ERASED'`, [memberId, at]);

let db: TestDatabase;
let client: pg.PoolClient;

beforeAll(async () => {
  db = await createTestDatabase('blocked_members', undefined, 2);
  await new BlockedMembersSchema1767225700100().up({ query: (sql: string) => db.pool.query(sql) } as never);
  await new SessionCutoffsSchema1767225700200().up({ query: (sql: string) => db.pool.query(sql) } as never);
  client = await db.pool.connect();
});

afterAll(async () => {
  client?.release();
  await db?.drop();
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE blocked_members, session_cutoffs');
});

describe('blocked_members', () => {
  it('given a suspension, then the member is blocked as SUSPENDED; applied again, still one row; reinstated, then unblocked', async () => {
    expect(await applyBlockingEvent(client, suspended)).toBe(memberId);
    expect(await applyBlockingEvent(client, suspended)).toBe(memberId);
    expect((await db.pool.query('SELECT member_id, reason, since FROM blocked_members')).rows).toEqual([{ member_id: memberId, reason: 'SUSPENDED', since: new Date(at) }]);
    expect(await blockReasonOf(db.pool, memberId)).toBe('SUSPENDED');
    expect(await applyBlockingEvent(client, reinstated)).toBe(memberId);
    expect(await blockReasonOf(db.pool, memberId)).toBeNull();
    expect(await applyBlockingEvent(client, reinstated)).toBe(memberId); // nothing to lift: a no-op
    expect(await blockReasonOf(db.pool, memberId)).toBeNull();
  });

  it('given an erased member, then neither a suspension nor a reinstatement changes the block', async () => {
    await erasedRow(db.pool);
    await applyBlockingEvent(client, suspended);
    expect(await blockReasonOf(db.pool, memberId)).toBe('ERASED');
    await applyBlockingEvent(client, reinstated);
    expect(await blockReasonOf(db.pool, memberId)).toBe('ERASED');
  });

  it('given events that block nobody or a subject that is not a UUID, then nothing is written or found', async () => {
    expect(await applyBlockingEvent(client, { type: 'MemberRegistered', data: { memberId } })).toBeNull();
    expect(await blockReasonOf(db.pool, 'not-a-uuid')).toBeNull();
    expect((await db.pool.query('SELECT count(*)::int AS n FROM blocked_members')).rows[0].n).toBe(0);
  });

  it('given PasswordReset, then the cutoff is recorded once, never moves back, and blocks nobody', async () => {
    const reset = (resetAt: string) => ({ type: 'PasswordReset', data: { memberId, resetAt } });
    expect(await applyBlockingEvent(client, reset(at))).toBe(memberId);
    await applyBlockingEvent(client, reset('2026-11-24T10:00:00.000Z')); // an older reset replayed late
    expect(await viewerStandingOf(db.pool, memberId)).toEqual({ reason: null, sessionsEndedAt: Date.parse(at) });
    await applyBlockingEvent(client, suspended);
    expect(await viewerStandingOf(db.pool, memberId)).toEqual({ reason: 'SUSPENDED', sessionsEndedAt: Date.parse(at) });
    expect(await viewerStandingOf(db.pool, adminId)).toEqual({ reason: null, sessionsEndedAt: null });
  });
});
