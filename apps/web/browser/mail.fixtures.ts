import { waitFor } from '@payforward/testing';

/** One mail as the local SMTP server (maildev) decoded it: what a person would read. */
export interface ReadMail {
  id: string;
  subject: string;
  text: string;
  html: string;
}

interface MaildevEmail {
  id: string;
  subject?: string;
  text?: string;
  html?: string;
  envelope?: { to?: { address: string }[] };
  to?: { address: string }[];
}

const apiUrl = () => (process.env.MAIL_API_URL ?? 'http://127.0.0.1:1080').replace(/\/+$/, '');

/**
 * Mails the server received for `address` (envelope recipient), decoded. MaildevInbox counts by
 * recipient or Message-ID; these specs need the words too (which seeker a request mail names,
 * the verification link), and maildev's JSON carries the decoded text and HTML parts.
 */
export async function mailsTo(address: string): Promise<ReadMail[]> {
  const res = await fetch(`${apiUrl()}/api/email`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`maildev GET /api/email: HTTP ${res.status}`);
  const wanted = address.toLowerCase();
  return ((await res.json()) as MaildevEmail[])
    .filter((e) => (e.envelope?.to ?? e.to ?? []).some((a) => a.address.toLowerCase() === wanted))
    .map((e) => ({ id: e.id, subject: e.subject ?? '', text: e.text ?? '', html: e.html ?? '' }));
}

export const mentions = (mail: ReadMail, words: string): boolean => [mail.subject, mail.text, mail.html].some((part) => part.includes(words));

/** Waits until a mail to `address` satisfies `match`, and returns it. */
export async function waitForMail(address: string, match: (mail: ReadMail) => boolean, what: string, timeoutMs = 90_000): Promise<ReadMail> {
  return waitFor(async () => (await mailsTo(address)).find(match), { timeoutMs, intervalMs: 500, what });
}

/** The path and query of the first link in the mail that goes to `path` (e.g. /verify-email), wherever PUBLIC_WEB_URL points. */
export function linkTo(mail: ReadMail, path: string): string | null {
  const pattern = new RegExp(`https?://[^\\s"'<>]+${path.replace(/[/-]/g, '\\$&')}\\?[^\\s"'<>]+`);
  const found = mail.text.match(pattern)?.[0] ?? mail.html.match(pattern)?.[0]?.replace(/&amp;/g, '&');
  if (!found) return null;
  const url = new URL(found);
  return `${url.pathname}${url.search}`;
}
