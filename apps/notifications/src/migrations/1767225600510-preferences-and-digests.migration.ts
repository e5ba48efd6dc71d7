import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Preferences (ADR 017): per member, the e-mail setting of each category that differs from the
 * default (INSTANT, DIGEST or OFF) and quiet hours ("HH:MM" in the member's zone). Digest items
 * wait for the member's daily digest: a template and the other party's id, never a name, so
 * erasure needs no rewrite; digest_key records which digest took them. A waiting draft is an
 * instant mail whose recipient or other party identity's topic has not brought yet (topics are
 * consumed independently): it is written when that member arrives, or after a grace period.
 */
export class PreferencesAndDigests1767225600510 implements MigrationInterface {
  readonly name = 'PreferencesAndDigests1767225600510';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_preferences (
        member_id uuid PRIMARY KEY,
        email jsonb NOT NULL DEFAULT '{}'::jsonb,
        quiet_hours_start text,
        quiet_hours_end text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_preferences_quiet_check CHECK ((quiet_hours_start IS NULL) = (quiet_hours_end IS NULL))
      );
      CREATE TABLE email_digest_items (
        id text PRIMARY KEY,
        recipient_id uuid NOT NULL,
        category text NOT NULL,
        kind text NOT NULL,
        subject_id uuid,
        vars jsonb NOT NULL DEFAULT '{}'::jsonb,
        link text,
        created_at timestamptz NOT NULL,
        digest_key text
      );
      CREATE INDEX email_digest_items_waiting_idx ON email_digest_items (recipient_id, created_at) WHERE digest_key IS NULL;
      CREATE TABLE email_waiting_drafts (
        dedupe_key text PRIMARY KEY,
        waiting_for uuid NOT NULL,
        recipient_id uuid NOT NULL,
        draft jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX email_waiting_drafts_for_idx ON email_waiting_drafts (waiting_for);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE email_waiting_drafts; DROP TABLE email_digest_items; DROP TABLE notification_preferences;');
  }
}
