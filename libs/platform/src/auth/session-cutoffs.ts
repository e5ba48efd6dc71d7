import type { PasswordResetData } from '@payforward/contracts';
import type pg from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `session_cutoffs`: tokens of a member issued at or before `not_before` are refused although
 * they verify (ADR 019). A password reset ends every session the member had: bearer tokens are
 * stateless, so each service keeps this copy beside `blocked_members`, fed from identity's
 * PasswordReset by the same hook (applyBlockingEvent) in the same transactions.
 */
export const SESSION_CUTOFFS_TABLE = 'session_cutoffs';

/** The cutoff an (already validated) identity event sets, or null. */
export function sessionCutoffOf(event: { type: string; data: Record<string, unknown> }): { memberId: string; notBefore: string } | null {
  if (event.type !== 'PasswordReset') return null;
  const d = event.data as unknown as PasswordResetData;
  return { memberId: d.memberId, notBefore: d.resetAt };
}

/** Records the cutoff; a replay or an older reset never moves it back. */
export async function applySessionCutoff(db: pg.ClientBase, cutoff: { memberId: string; notBefore: string }): Promise<void> {
  await db.query({
    name: 'session-cutoffs-upsert',
    text: `INSERT INTO ${SESSION_CUTOFFS_TABLE} (member_id, not_before) VALUES ($1, $2)
           ON CONFLICT (member_id) DO UPDATE SET not_before = GREATEST(${SESSION_CUTOFFS_TABLE}.not_before, EXCLUDED.not_before)`,
    values: [cutoff.memberId, cutoff.notBefore],
  });
}

/** The table as a TypeORM migration for each service's list (fixed timestamp: never to change). */
export class SessionCutoffsSchema1767225700200 implements MigrationInterface {
  readonly name = 'SessionCutoffsSchema1767225700200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS session_cutoffs (
        member_id uuid PRIMARY KEY,
        not_before timestamptz NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS session_cutoffs;`);
  }
}
