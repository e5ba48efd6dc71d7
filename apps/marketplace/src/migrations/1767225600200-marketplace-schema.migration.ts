import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marketplace's read models beside its event store. All but `members` are projected inside
 * the transaction that appends the events (so mutations return the write side's state):
 * - `offers`, `offer_capacity_usage` (reservations per offer and UTC period, from the ledgers);
 * - `help_requests` and `request_deadlines`, the durable due times the expiry scan reads;
 * - `relationships` (completed / well-rated engagements, worked-together attestations),
 *   `availability`, `blocks`.
 * `members` is fed by the consumer of identity's member events (time zone, display name, and
 * whether an id names a member at all).
 */
export class MarketplaceSchema1767225600200 implements MigrationInterface {
  readonly name = 'MarketplaceSchema1767225600200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        display_name text NOT NULL,
        timezone text NOT NULL,
        registered_at timestamptz NOT NULL
      );
      CREATE TABLE offers (
        id uuid PRIMARY KEY,
        mentor_id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        topics text[] NOT NULL,
        capacity integer NOT NULL,
        period text NOT NULL,
        duration_minutes integer,
        min_completed_engagements integer,
        worked_together_only boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        version integer NOT NULL,
        published_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX offers_status_id_idx ON offers (status, id DESC);
      CREATE INDEX offers_mentor_idx ON offers (mentor_id, id DESC);
      CREATE INDEX offers_topics_idx ON offers USING gin (topics);
      CREATE TABLE offer_capacity_usage (
        offer_id uuid NOT NULL,
        period_key text NOT NULL,
        used integer NOT NULL,
        PRIMARY KEY (offer_id, period_key)
      );
      CREATE TABLE help_requests (
        id uuid PRIMARY KEY,
        offer_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        seeker_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        message text NOT NULL,
        goal text NOT NULL,
        intro_target_id uuid,
        intro_consent boolean,
        duration_minutes integer,
        scheduled_at timestamptz,
        capacity_period_key text,
        decline_reason text,
        decline_note text,
        guidance text,
        vouch_statement text,
        referral_outcome text,
        absent_party text,
        seeker_rating integer,
        seeker_note text,
        mentor_rating integer,
        mentor_note text,
        expires_at timestamptz NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX help_requests_mentor_idx ON help_requests (mentor_id, status, created_at);
      CREATE INDEX help_requests_seeker_idx ON help_requests (seeker_id, status, created_at);
      CREATE INDEX help_requests_intro_target_idx ON help_requests (intro_target_id) WHERE intro_target_id IS NOT NULL;
      CREATE INDEX help_requests_sessions_idx ON help_requests (mentor_id, scheduled_at) WHERE status = 'ACCEPTED';
      CREATE TABLE request_deadlines (
        request_id uuid PRIMARY KEY,
        due_at timestamptz NOT NULL
      );
      CREATE INDEX request_deadlines_due_idx ON request_deadlines (due_at);
      CREATE TABLE relationships (
        mentor_id uuid NOT NULL,
        seeker_id uuid NOT NULL,
        completed_engagements integer NOT NULL DEFAULT 0,
        well_rated_engagements integer NOT NULL DEFAULT 0,
        attested boolean NOT NULL DEFAULT false,
        attestation_context text,
        confirmed boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (mentor_id, seeker_id)
      );
      CREATE TABLE availability (
        mentor_id uuid PRIMARY KEY,
        timezone text NOT NULL,
        windows jsonb NOT NULL,
        blackout_dates text[] NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE blocks (
        mentor_id uuid NOT NULL,
        seeker_id uuid NOT NULL,
        blocked_at timestamptz NOT NULL,
        PRIMARY KEY (mentor_id, seeker_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE blocks, availability, relationships, request_deadlines, help_requests, offer_capacity_usage, offers, members;',
    );
  }
}
