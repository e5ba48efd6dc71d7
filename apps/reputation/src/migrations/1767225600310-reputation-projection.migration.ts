import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection's state (ADR 006):
 * - `reputation_facts`: every event the service consumed, keyed by event id. The ledger is a
 *   function of the input facts among them, so late facts are re-derived from here and a
 *   rebuild needs no broker; `memberHistory` reads them too. `seq` is arrival order (a
 *   rebuild's snapshot point), `member_ids` the members an event concerns.
 * - `reputation_members`: display names from MemberRegistered, for the ledger's reasons.
 * - the ledger gains what corrections need (request, counterparties, reversals), flags get a
 *   table, summaries an index for the leaderboard.
 * - `projection_status`: one row per projection: `token` changes with every write of the
 *   ledger (a process's in-memory copy is valid only while it matches), the last event time,
 *   and a rebuild's progress.
 *
 * Frozen: literal SQL only (the projection's DDL may change later; what this migration did may not).
 */
export class ReputationProjection1767225600310 implements MigrationInterface {
  readonly name = 'ReputationProjection1767225600310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reputation_facts (
        event_id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        topic text NOT NULL,
        type text NOT NULL,
        stream_id text NOT NULL,
        version integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        member_ids uuid[] NOT NULL,
        ledger_input boolean NOT NULL,
        envelope jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reputation_facts_members_idx ON reputation_facts USING gin (member_ids);
      CREATE INDEX reputation_facts_inputs_idx ON reputation_facts (occurred_at, event_id) WHERE ledger_input;
      CREATE TABLE reputation_members (
        member_id uuid PRIMARY KEY,
        display_name text NOT NULL,
        registered_at timestamptz NOT NULL
      );
      ALTER TABLE reputation_ledger
        ADD COLUMN request_id uuid,
        ADD COLUMN counterparties uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN qualified_by uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN reverses uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN voided_by uuid;
      CREATE INDEX reputation_ledger_request_idx ON reputation_ledger (request_id) WHERE request_id IS NOT NULL;
      CREATE INDEX reputations_score_idx ON reputations (score DESC, member_id);
      CREATE TABLE reputation_flags (
        id uuid NOT NULL,
        kind text NOT NULL,
        member_id uuid NOT NULL,
        event_ids uuid[] NOT NULL,
        member_ids uuid[] NOT NULL,
        request_ids uuid[] NOT NULL,
        description text NOT NULL,
        raised_at timestamptz NOT NULL,
        status text NOT NULL,
        resolved_by uuid,
        resolution_note text,
        resolved_at timestamptz,
        resolution_event_id uuid,
        CONSTRAINT reputation_flags_pkey PRIMARY KEY (id)
      );
      CREATE INDEX reputation_flags_status_idx ON reputation_flags (status, raised_at, id);
      CREATE INDEX reputation_flags_members_idx ON reputation_flags USING gin (member_ids);
      CREATE TABLE projection_status (
        name text PRIMARY KEY,
        token uuid,
        last_event_at timestamptz,
        rebuild_started_at timestamptz,
        rebuild_finished_at timestamptz,
        rebuilt_events integer NOT NULL DEFAULT 0,
        rebuild_total_events integer NOT NULL DEFAULT 0,
        rebuild_error text
      );
      INSERT INTO projection_status (name) VALUES ('reputation');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE projection_status, reputation_flags, reputation_members, reputation_facts;
      DROP INDEX reputations_score_idx;
      DROP INDEX reputation_ledger_request_idx;
      ALTER TABLE reputation_ledger DROP COLUMN request_id, DROP COLUMN counterparties, DROP COLUMN qualified_by, DROP COLUMN reverses, DROP COLUMN voided_by;
    `);
  }
}
