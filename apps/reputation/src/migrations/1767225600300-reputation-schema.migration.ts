import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reputation projection's read models. `reputations` holds one row per member (created
 * when MemberRegistered arrives); `reputation_ledger` holds one entry per (member, rule,
 * source event), which makes every point explainable and a replay unable to double-count.
 */
export class ReputationSchema1767225600300 implements MigrationInterface {
  readonly name = 'ReputationSchema1767225600300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reputations (
        member_id uuid PRIMARY KEY,
        score integer NOT NULL DEFAULT 0,
        level text NOT NULL DEFAULT 'Newcomer',
        badges text[] NOT NULL DEFAULT '{}',
        paid_forward_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE reputation_ledger (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        points integer NOT NULL,
        rule_id text NOT NULL,
        rule_version integer NOT NULL,
        source_event_id uuid NOT NULL,
        reason text NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT reputation_ledger_once UNIQUE (member_id, rule_id, source_event_id)
      );
      CREATE INDEX reputation_ledger_member_idx ON reputation_ledger (member_id, occurred_at DESC, id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reputation_ledger; DROP TABLE reputations;');
  }
}
