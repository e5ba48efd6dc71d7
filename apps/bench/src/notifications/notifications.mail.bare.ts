// The fan-out baseline: a bare nodemailer loop handing the same mails (the last BENCH_FANOUT rows
// the service sent: same addresses, subjects, text/HTML parts and headers) to the same SMTP
// server, with one transport built as MailSender builds it and MailSender's default concurrency
// (2 workers, one mail each at a time). No database work, no Kafka: the cost of SMTP alone.
//
//   env: BENCH_NOTIFICATIONS_DATABASE, BENCH_FANOUT, BENCH_SMTP_URL, BENCH_CONCURRENCY, PG*
import nodemailer from 'nodemailer';
import pg from 'pg';
import { pgSettings } from '@payforward/platform';
import { env, print } from '../reputation/reputation.child.js';
import type { FanOutStats } from './notifications.mail.load.js';

interface Row {
  mail_from: string;
  mail_to: string[];
  subject: string;
  text_body: string | null;
  html_body: string | null;
  headers: Record<string, string>;
}

const count = Number(env('BENCH_FANOUT'));
const concurrency = Number(env('BENCH_CONCURRENCY', '2'));
const db = new pg.Client(pgSettings(env('BENCH_NOTIFICATIONS_DATABASE')));
await db.connect();
const { rows } = await db.query<Row>(
  `SELECT mail_from, mail_to, subject, text_body, html_body, headers FROM mail_outbox WHERE status = 'sent' ORDER BY sent_at DESC LIMIT $1`,
  [count],
);
await db.end();
if (rows.length < count) throw new Error(`only ${rows.length} sent mails to copy, ${count} wanted`);

// As createSmtpTransport (libs/mail) builds it: no pool, so each mail opens its own connection there too.
const transport = nodemailer.createTransport({ url: env('BENCH_SMTP_URL'), connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 30_000 });
const sendRow = (r: Row, n: number) =>
  transport.sendMail({
    messageId: `<bench-bare-${Date.now()}-${n}@payforward.local>`,
    from: r.mail_from,
    to: r.mail_to,
    subject: r.subject,
    ...(r.text_body !== null ? { text: r.text_body } : {}),
    ...(r.html_body !== null ? { html: r.html_body } : {}),
    headers: r.headers,
  });

async function loop(batch: Row[]): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batch.length) {
        const n = next++;
        await sendRow(batch[n]!, n);
      }
    }),
  );
  return (performance.now() - t0) / 1000;
}

try {
  await loop(rows.slice(0, Math.min(20, rows.length))); // warm-up: the service's sender was warm too
  const seconds = await loop(rows);
  const result: FanOutStats = { mails: rows.length, seconds, mailsPerSec: rows.length / seconds };
  print({ result });
} finally {
  transport.close();
}
