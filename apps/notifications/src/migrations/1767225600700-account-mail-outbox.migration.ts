import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox for the account mails (ADR 019), in case it is not there yet: a frozen copy of
 * libs/mail's MAIL_OUTBOX_SCHEMA_UP, idempotent (IF NOT EXISTS), so it changes nothing where
 * the e-mail channel's migration created the table first.
 */
export class AccountMailOutbox1767225600700 implements MigrationInterface {
  readonly name = 'AccountMailOutbox1767225600700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE IF NOT EXISTS mail_outbox (
  id uuid PRIMARY KEY,
  dedupe_key text NOT NULL,
  message_id text NOT NULL,
  mail_from text NOT NULL,
  mail_to jsonb NOT NULL,
  subject text NOT NULL,
  text_body text,
  html_body text,
  headers jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CONSTRAINT mail_outbox_dedupe_key_key UNIQUE (dedupe_key),
  CONSTRAINT mail_outbox_message_id_key UNIQUE (message_id),
  CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sent', 'failed')),
  CONSTRAINT mail_outbox_body_check CHECK (text_body IS NOT NULL OR html_body IS NOT NULL),
  CONSTRAINT mail_outbox_to_check CHECK (jsonb_typeof(mail_to) = 'array' AND jsonb_array_length(mail_to) > 0)
);
CREATE INDEX IF NOT EXISTS mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
    `);
  }

  async down(): Promise<void> {
    // The table may be the e-mail channel's: dropping it here could lose its mails.
  }
}
