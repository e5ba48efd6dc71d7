import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-app inbox. `notifications` holds one row per (source event, recipient, channel): the
 * unique key is what makes a redelivered or replayed event unable to notify twice. Texts are
 * templates; the other party's name is joined from `members` when read (erasure: ADR 015).
 * `intro_targets` remembers whom an INTRO request names, which its acceptance does not carry.
 */
export class NotificationsSchema1767225600400 implements MigrationInterface {
  readonly name = 'NotificationsSchema1767225600400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        source_event_id uuid NOT NULL,
        recipient_id uuid NOT NULL,
        channel text NOT NULL DEFAULT 'in_app' CHECK (channel IN ('in_app')),
        category text NOT NULL CHECK (category IN ('REQUESTS', 'REMINDERS', 'SESSIONS', 'INTROS', 'REPUTATION', 'ADMIN')),
        template text NOT NULL,
        subject_id uuid,
        link text,
        read boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        CONSTRAINT notifications_once UNIQUE (source_event_id, recipient_id, channel)
      );
      CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, created_at DESC, id DESC);
      CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE NOT read;
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        display_name text NOT NULL,
        erased_at timestamptz
      );
      CREATE TABLE intro_targets (
        request_id uuid PRIMARY KEY,
        target_id uuid NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE intro_targets; DROP TABLE members; DROP TABLE notifications;');
  }
}
