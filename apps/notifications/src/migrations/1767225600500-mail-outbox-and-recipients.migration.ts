import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail (ADR 017): the service's mail outbox (a frozen copy of libs/mail's schema, with the
 * iCalendar part), the member mirror's sealed address and time zone, and which members each
 * outbox row names (its recipient and the other party), so erasure can find and scrub them.
 * `members.email` holds the address exactly as MemberRegistered carried it: sealed with the
 * member's data key, opened only when a mail is written, never readable after erasure.
 */
export class MailOutboxAndRecipients1767225600500 implements MigrationInterface {
  readonly name = 'MailOutboxAndRecipients1767225600500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY,
        dedupe_key text NOT NULL,
        message_id text NOT NULL,
        mail_from text NOT NULL,
        mail_to jsonb NOT NULL,
        subject text NOT NULL,
        text_body text,
        html_body text,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        ical_event jsonb,
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
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';

      ALTER TABLE members ADD COLUMN email text;
      ALTER TABLE members ADD COLUMN timezone text NOT NULL DEFAULT 'UTC';

      CREATE TABLE mail_mentions (
        outbox_id uuid NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('recipient', 'subject')),
        PRIMARY KEY (outbox_id, member_id, role)
      );
      CREATE INDEX mail_mentions_member_idx ON mail_mentions (member_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE mail_mentions;
      ALTER TABLE members DROP COLUMN timezone;
      ALTER TABLE members DROP COLUMN email;
      DROP TABLE mail_outbox;
    `);
  }
}
