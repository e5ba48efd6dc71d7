import type { MemberErasedData, MemberReinstatedData, MemberSuspendedData } from '@payforward/contracts';
import type pg from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applySessionCutoff, sessionCutoffOf } from './session-cutoffs.js';

/**
 * `blocked_members`: whose tokens this service refuses although they verify. Every service
 * keeps its own copy, fed from identity's events — by its consumer, in the transaction that
 * records the event id as processed (identity itself: in the command's transaction) — so a
 * token check never calls another service. One row per member; the strongest reason wins.
 */
export const BLOCKED_MEMBERS_TABLE = 'blocked_members';

/** Why a member's tokens are refused. ERASED is permanent and outranks SUSPENDED. */
export type BlockReason = 'SUSPENDED' | 'ERASED';

export type BlockChange =
  | { kind: 'block'; memberId: string; reason: BlockReason; since: string }
  /** Lifts only this reason: a reinstatement never lifts an erasure. */
  | { kind: 'unblock'; memberId: string; reason: BlockReason };

/**
 * The identity events that block or unblock a member, by type. An erasure (ADR 010) blocks for
 * good: ERASED outranks SUSPENDED and no event lifts it.
 */
const BLOCKING_EVENTS: Readonly<Record<string, (data: Record<string, unknown>) => BlockChange>> = {
  MemberSuspended: (data) => {
    const d = data as unknown as MemberSuspendedData;
    return { kind: 'block', memberId: d.memberId, reason: 'SUSPENDED', since: d.suspendedAt };
  },
  MemberReinstated: (data) => ({ kind: 'unblock', memberId: (data as unknown as MemberReinstatedData).memberId, reason: 'SUSPENDED' }),
  MemberErased: (data) => {
    const d = data as unknown as MemberErasedData;
    return { kind: 'block', memberId: d.memberId, reason: 'ERASED', since: d.erasedAt };
  },
};

/** What an (already validated) identity event changes in `blocked_members`; null for the others. */
export function blockChangeOf(event: { type: string; data: Record<string, unknown> }): BlockChange | null {
  const change = BLOCKING_EVENTS[event.type];
  return change ? change(event.data) : null;
}

/**
 * Applies an identity event to `blocked_members` through the caller's transaction and returns
 * the member it concerned (null when the event blocks nobody). Idempotent: a block of a blocked
 * member keeps the stronger reason, an unblock of someone not blocked for that reason is a no-op.
 */
export async function applyBlockingEvent(db: pg.ClientBase, event: { type: string; data: Record<string, unknown> }): Promise<string | null> {
  // A password reset ends the member's sessions (session-cutoffs.ts): the same hook, so every consumer gets it.
  const cutoff = sessionCutoffOf(event);
  if (cutoff) {
    await applySessionCutoff(db, cutoff);
    return cutoff.memberId;
  }
  const change = blockChangeOf(event);
  if (!change) return null;
  if (change.kind === 'block') {
    await db.query({
      name: 'blocked-members-block',
      text: `INSERT INTO ${BLOCKED_MEMBERS_TABLE} (member_id, reason, since) VALUES ($1, $2, $3)
             ON CONFLICT (member_id) DO UPDATE
               SET reason = EXCLUDED.reason, since = EXCLUDED.since
             WHERE ${BLOCKED_MEMBERS_TABLE}.reason <> 'ERASED'`,
      values: [change.memberId, change.reason, change.since],
    });
  } else {
    await db.query({
      name: 'blocked-members-unblock',
      text: `DELETE FROM ${BLOCKED_MEMBERS_TABLE} WHERE member_id = $1 AND reason = $2`,
      values: [change.memberId, change.reason],
    });
  }
  return change.memberId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a service knows against a member's tokens: a block, and since when their sessions ended (ms), if ever. */
export interface ViewerStanding {
  reason: BlockReason | null;
  sessionsEndedAt: number | null;
}

/** One query for both tables; a subject that is not a UUID names no member and is never blocked here. */
export async function viewerStandingOf(db: pg.Pool | pg.ClientBase, memberId: string): Promise<ViewerStanding> {
  if (!UUID.test(memberId)) return { reason: null, sessionsEndedAt: null };
  const { rows } = await db.query<{ reason: BlockReason | null; sessions_ended_at?: Date | null }>({
    name: 'viewer-standing',
    text: `SELECT (SELECT reason FROM ${BLOCKED_MEMBERS_TABLE} WHERE member_id = $1) AS reason,
                  (SELECT not_before FROM session_cutoffs WHERE member_id = $1) AS sessions_ended_at`,
    values: [memberId],
  });
  const row = rows[0];
  return { reason: row?.reason ?? null, sessionsEndedAt: row?.sessions_ended_at ? row.sessions_ended_at.getTime() : null };
}

/** Why the member is blocked, or null. A subject that is not a UUID names no member and is never blocked here. */
export async function blockReasonOf(db: pg.Pool | pg.ClientBase, memberId: string): Promise<BlockReason | null> {
  if (!UUID.test(memberId)) return null;
  const { rows } = await db.query<{ reason: BlockReason }>({
    name: 'blocked-members-reason',
    text: `SELECT reason FROM ${BLOCKED_MEMBERS_TABLE} WHERE member_id = $1`,
    values: [memberId],
  });
  return rows[0]?.reason ?? null;
}

/** The table as a TypeORM migration for each service's list (fixed timestamp: never to change). */
export class BlockedMembersSchema1767225700100 implements MigrationInterface {
  readonly name = 'BlockedMembersSchema1767225700100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS ${BLOCKED_MEMBERS_TABLE} (
        member_id uuid PRIMARY KEY,
        reason text NOT NULL CHECK (reason IN ('SUSPENDED', 'ERASED')),
        since timestamptz NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${BLOCKED_MEMBERS_TABLE};`);
  }
}
