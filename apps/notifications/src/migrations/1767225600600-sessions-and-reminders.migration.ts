import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions and reminders (issue 11 §4, §6; ADR 018).
 * - `sessions`: one row per accepted scheduled request (start, length, status); `sequence` is the
 *   iCalendar SEQUENCE of its invite, raised on every change of the session.
 * - `calendar_member_zones`: each member's time zone from identity's events (kept after erasure:
 *   a zone is not personal data here, ADR 010), for reminder texts and invites.
 * - `reminders`: durable due times, one per (request, kind, recipient); the scheduler fires due
 *   pending rows (FOR UPDATE SKIP LOCKED), answers and session endings cancel them.
 */
export class SessionsAndReminders1767225600600 implements MigrationInterface {
  readonly name = 'SessionsAndReminders1767225600600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        request_id uuid PRIMARY KEY,
        offer_id uuid NOT NULL,
        mentor_id uuid NOT NULL,
        seeker_id uuid NOT NULL,
        kind text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes > 0),
        status text NOT NULL CHECK (status IN ('SCHEDULED', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
        sequence int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_mentor_idx ON sessions (mentor_id, scheduled_at);
      CREATE INDEX sessions_seeker_idx ON sessions (seeker_id, scheduled_at);
      CREATE TABLE calendar_member_zones (
        member_id uuid PRIMARY KEY,
        timezone text NOT NULL
      );
      CREATE TABLE reminders (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('EXPIRY_48H', 'SESSION_24H', 'SESSION_1H')),
        request_id uuid NOT NULL,
        recipient_id uuid NOT NULL,
        recipient_role text NOT NULL CHECK (recipient_role IN ('MENTOR', 'SEEKER')),
        subject_id uuid NOT NULL,
        help_kind text NOT NULL,
        event_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT reminders_once UNIQUE (request_id, kind, recipient_id)
      );
      CREATE INDEX reminders_due_idx ON reminders (due_at) WHERE status = 'pending';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reminders; DROP TABLE calendar_member_zones; DROP TABLE sessions;');
  }
}
