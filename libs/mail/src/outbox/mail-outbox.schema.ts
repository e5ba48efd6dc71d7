/**
 * The durable mail outbox: a service writes a row in the same transaction as the state change
 * that calls for the mail, and a MailSender delivers it later over SMTP (ADR 016).
 *
 * The SQL is exported so a service's migration can freeze a literal copy of it (migrations
 * import nothing): changing these strings changes no deployed database.
 */
export const MAIL_OUTBOX_TABLE = 'mail_outbox';

export const MAIL_OUTBOX_SCHEMA_UP = `
CREATE TABLE IF NOT EXISTS mail_outbox (
  id uuid PRIMARY KEY,
  -- e.g. category + source event id + recipient: a second enqueue of the same mail is a no-op.
  dedupe_key text NOT NULL,
  -- Stable per row, so a mail sent twice in the crash window is recognisable as one.
  message_id text NOT NULL,
  mail_from text NOT NULL,
  mail_to jsonb NOT NULL,
  subject text NOT NULL,
  text_body text,
  html_body text,
  headers jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- An iCalendar invite or cancellation {method, content}, sent as the mail's text/calendar part.
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
-- The sender's claim query: due pending rows, oldest due first. Sent and failed rows are not indexed.
CREATE INDEX IF NOT EXISTS mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
`;

export const MAIL_OUTBOX_SCHEMA_DOWN = `
DROP TABLE IF EXISTS mail_outbox;
`;
