import pg from 'pg';
import { pgConfig, waitFor, type Stack } from '@payforward/testing';

/**
 * The account mails (ADR 019) of a stack, read where the notifications service writes them: its
 * mail outbox (the link's token is in the text). Specs that need the token without waiting for
 * SMTP (the authorization matrix) use this; the account e2e spec also checks the mail arrives.
 */
export type AccountMailKind = 'verify-email' | 'reset-password';

export interface OutboxMail {
  id: string;
  subject: string;
  text: string;
  token: string;
  messageId: string;
}

export async function accountMailsTo(stack: Stack, email: string, kind: AccountMailKind): Promise<OutboxMail[]> {
  const client = new pg.Client({ ...pgConfig(), database: stack.databases.notifications });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; subject: string; text_body: string; message_id: string }>(
      `SELECT id, subject, text_body, message_id FROM mail_outbox WHERE mail_to @> $1::jsonb ORDER BY created_at, id`,
      [JSON.stringify([email.toLowerCase()])],
    );
    return rows
      .map((row) => ({ id: row.id, subject: row.subject, text: row.text_body, messageId: row.message_id, token: tokenIn(row.text_body, kind) }))
      .filter((mail): mail is OutboxMail => mail.token !== null);
  } finally {
    await client.end();
  }
}

/** The token of the link to `/<kind>?token=…` in a mail's text, or null. */
export function tokenIn(text: string, kind: AccountMailKind): string | null {
  return new RegExp(`/${kind}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? null;
}

/** Waits for the `count`-th account mail of the kind to `email` and returns it (consumers are asynchronous). */
export function awaitAccountMail(stack: Stack, email: string, kind: AccountMailKind, count = 1): Promise<OutboxMail> {
  return waitFor(async () => (await accountMailsTo(stack, email, kind))[count - 1], { timeoutMs: 45_000, intervalMs: 200, what: `${kind} mail #${count} to ${email}` });
}
