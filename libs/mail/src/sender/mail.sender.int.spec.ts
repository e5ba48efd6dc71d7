import nodemailer from 'nodemailer';
import type pg from 'pg';
import { createTestDatabase, waitFor, type TestDatabase } from '@payforward/testing';
import { enqueueMail, mailOutboxCounts } from '../outbox/enqueue-mail.js';
import { MAIL_OUTBOX_SCHEMA_UP } from '../outbox/mail-outbox.schema.js';
import type { OutgoingMail } from '../outbox/mail.types.js';
import { startTestMaildev, type TestMaildev } from '../testing/maildev.server.js';
import { MailSender, type MailSenderOptions } from './mail.sender.js';

/**
 * The mail outbox against real PostgreSQL and a real SMTP server (a maildev of this spec's own,
 * on free ports, so stopping it disturbs nobody). Counts are taken in maildev: what arrived.
 */
const MAX_MESSAGE_SIZE = 20_000;
let db: TestDatabase;
let smtp: TestMaildev;
const senders: MailSender[] = [];
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  db = await createTestDatabase('mail_sender', MAIL_OUTBOX_SCHEMA_UP, 12);
  smtp = await startTestMaildev({ maxMessageSize: MAX_MESSAGE_SIZE });
});
afterAll(async () => {
  await smtp?.dispose();
  await db?.drop();
});
beforeEach(async () => {
  await smtp.start();
  await smtp.inbox.deleteAll();
  await db.pool.query('TRUNCATE mail_outbox');
});
afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
});

const sender = (options: MailSenderOptions = {}) => {
  const s = new MailSender(db.pool, { smtpUrl: smtp.smtpUrl, pollIntervalMs: 50, retry: { baseDelayMs: 50, maxDelayMs: 400 }, smtpTimeoutMs: 5_000, logger: quiet, ...options });
  senders.push(s);
  return s;
};
const mail = (n: number, extra: Partial<OutgoingMail> = {}): OutgoingMail => ({
  dedupeKey: `spec:evt-${n}:member${n}@example.org`,
  from: 'Payforward <noreply@payforward.test>',
  to: `member${n}@example.org`,
  subject: `Mail ${n}`,
  text: `Hello ${n}`,
  ...extra,
});
/** Enqueues each mail in its own committed transaction, as a service would. */
const enqueueAll = async (mails: OutgoingMail[]) => {
  const ids: string[] = [];
  for (const m of mails) {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      ids.push((await enqueueMail(client, m)).messageId);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  return ids;
};
/** Every Message-ID arrived exactly once, and nothing else arrived. */
const expectEachDeliveredOnce = async (messageIds: string[]) => {
  const inbox = await smtp.inbox.list();
  const counts = new Map<string, number>();
  for (const m of inbox) counts.set(m.messageId ?? '(none)', (counts.get(m.messageId ?? '(none)') ?? 0) + 1);
  expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(messageIds.map((id) => [id, 1])));
};

describe('mail sender', () => {
  it('given a mail enqueued twice under one dedupe key, when the sender runs, then one mail arrives, with the outbox Message-ID and headers', async () => {
    const [first] = await enqueueAll([mail(1, { headers: { 'X-Payforward-Category': 'spec' } })]);
    const again = await enqueueMail(db.pool, mail(1, { subject: 'changed' }));
    expect(again).toMatchObject({ messageId: first, enqueued: false });

    sender().start();
    await waitFor(async () => (await mailOutboxCounts(db.pool)).sent === 1, { what: 'the mail sent' });

    await expectEachDeliveredOnce([first!]);
    const [received] = await smtp.inbox.list();
    expect(received).toMatchObject({ subject: 'Mail 1', recipients: ['member1@example.org'] });
    expect(await smtp.inbox.source(received!.id)).toMatch(/^X-Payforward-Category: spec\r?$/m);
    const { rows } = await db.pool.query('SELECT status, attempts, sent_at FROM mail_outbox');
    expect(rows).toEqual([{ status: 'sent', attempts: 1, sent_at: expect.any(Date) }]);
  });

  it('given the SMTP server down while mails are enqueued, when it comes back, then every mail arrives exactly once', async () => {
    await smtp.stop();
    const ids = await enqueueAll(Array.from({ length: 12 }, (_, i) => mail(100 + i)));
    sender({ concurrency: 2 }).start();
    // Every row has failed at least once: the outage really was met, and nothing was lost to it.
    await waitFor(async () => (await mailOutboxCounts(db.pool)).retrying === 12, { what: 'every mail to have failed once' });
    const during = await db.pool.query<{ last_error: string }>('SELECT DISTINCT last_error FROM mail_outbox');
    expect(during.rows.map((r) => r.last_error).join()).toMatch(/ECONNECTION|ECONNREFUSED/);

    await smtp.start();
    await waitFor(async () => (await mailOutboxCounts(db.pool)).sent === 12, { timeoutMs: 30_000, what: 'all 12 mails sent' });

    await expectEachDeliveredOnce(ids);
    expect(await mailOutboxCounts(db.pool)).toEqual({ pending: 0, sent: 12, failed: 0, retrying: 0 });
  });

  it('given a mail the server refuses permanently (5xx), when the sender runs, then that row fails with the reply and the others are sent', async () => {
    const tooBig = mail(200, { text: 'x'.repeat(MAX_MESSAGE_SIZE * 2) });
    const ids = await enqueueAll([mail(201), tooBig, mail(202)]);
    sender().start();
    await waitFor(async () => {
      const c = await mailOutboxCounts(db.pool);
      return c.sent === 2 && c.failed === 1;
    }, { what: 'two sent, one failed' });

    const { rows } = await db.pool.query<{ status: string; attempts: number; last_error: string }>(
      'SELECT status, attempts, last_error FROM mail_outbox WHERE message_id = $1',
      [ids[1]],
    );
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows[0]!.last_error).toMatch(/^552 /);
    await expectEachDeliveredOnce([ids[0]!, ids[2]!]);
  });

  it('given two senders on one outbox, when they run together, then each mail arrives exactly once', async () => {
    const ids = await enqueueAll(Array.from({ length: 40 }, (_, i) => mail(300 + i)));
    const a = sender({ concurrency: 3 });
    const b = sender({ concurrency: 3 });
    a.start();
    b.start();
    await waitFor(async () => (await mailOutboxCounts(db.pool)).sent === 40, { timeoutMs: 30_000, what: 'all 40 mails sent' });

    await expectEachDeliveredOnce(ids);
    const { rows } = await db.pool.query<{ max: number }>('SELECT max(attempts) AS max FROM mail_outbox');
    expect(rows[0]!.max).toBe(1);
  });

  it('given an idle sender with a long poll interval, when woken after an enqueue, then it sends at once', async () => {
    // Counts the sender's looks (one pooled connection each), to know its first look is over.
    let looks = 0;
    const counting = Object.create(db.pool) as pg.Pool;
    counting.connect = (async () => {
      const client = await db.pool.connect();
      const release = client.release.bind(client);
      client.release = (error?: Error | boolean) => {
        looks += 1;
        release(error);
      };
      return client;
    }) as unknown as pg.Pool['connect'];
    const s = new MailSender(counting, { smtpUrl: smtp.smtpUrl, pollIntervalMs: 60_000, concurrency: 1, logger: quiet });
    senders.push(s);
    s.start();
    await waitFor(() => looks >= 1, { what: 'the first look at the empty outbox' });
    // The next poll is a minute away, far beyond the wait below: only wake() can send in time.
    const [id] = await enqueueAll([mail(500)]);
    s.wake();
    await waitFor(async () => (await mailOutboxCounts(db.pool)).sent === 1, { timeoutMs: 10_000, what: 'the woken sender to send' });
    await expectEachDeliveredOnce([id!]);
  });

  it('given due mails, when drained without starting the loop, then every one is handled and counted', async () => {
    const ids = await enqueueAll([mail(600), mail(601), mail(602)]);
    expect(await sender().drain()).toBe(3);
    expect(await mailOutboxCounts(db.pool)).toMatchObject({ pending: 0, sent: 3 });
    await expectEachDeliveredOnce(ids);
  });

  it('given the database connection lost after the server accepted a mail, when the sender recovers, then the mail goes again with the same Message-ID (the at-least-once window)', async () => {
    const [id] = await enqueueAll([mail(700)]);
    const real = nodemailer.createTransport({ url: smtp.smtpUrl });
    let crashes = 0;
    const s = sender({
      transport: {
        sendMail: async (message) => {
          const info = await real.sendMail(message);
          // Accepted by SMTP; now the sender's connection dies before it can record "sent".
          if (crashes++ === 0) {
            await db.pool.query(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction' AND query LIKE '%FOR UPDATE SKIP LOCKED%'`,
              [db.name],
            );
          }
          return info;
        },
      },
    });
    s.start();
    await waitFor(async () => (await mailOutboxCounts(db.pool)).sent === 1, { what: 'the mail recorded as sent' });
    await s.stop();
    real.close();

    const received = await smtp.inbox.list();
    expect(received.map((m) => m.messageId)).toEqual([id, id]);
    const { rows } = await db.pool.query('SELECT attempts FROM mail_outbox');
    // The first attempt's record died with its transaction: the row knows of one attempt only.
    expect(rows).toEqual([{ attempts: 1 }]);
  });

  it('given a sender sending a mail, when it is stopped, then the mail in hand is finished and recorded before stop resolves', async () => {
    const [id] = await enqueueAll([mail(400)]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inHand!: () => void;
    const started = new Promise<void>((resolve) => (inHand = resolve));
    const real = nodemailer.createTransport({ url: smtp.smtpUrl });
    // A transport that holds the mail until the spec lets it go, then really sends it.
    const s = sender({
      transport: {
        sendMail: async (message) => {
          inHand();
          await gate;
          return real.sendMail(message);
        },
      },
    });
    s.start();
    await started;
    const stopped = s.stop();
    release();
    await stopped;
    real.close();

    expect(await mailOutboxCounts(db.pool)).toMatchObject({ pending: 0, sent: 1 });
    await expectEachDeliveredOnce([id!]);
  });

  it('given a mail held until a later time and a mail with a calendar invite, when drained, then only the due one goes, with its text/calendar part', async () => {
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//payforward//spec//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:spec-800@payforward.test', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    const [held] = await enqueueAll([mail(801, { notBefore: new Date(Date.now() + 3_600_000) })]);
    const [invite] = await enqueueAll([mail(800, { icalEvent: { method: 'REQUEST', content: ics }, notBefore: new Date(Date.now() - 1_000) })]);
    expect(await sender().drain()).toBe(1);

    await expectEachDeliveredOnce([invite!]);
    const [received] = await smtp.inbox.list();
    const source = await smtp.inbox.source(received!.id);
    expect(source).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(source).toContain('UID:spec-800@payforward.test');
    const { rows } = await db.pool.query('SELECT status FROM mail_outbox WHERE message_id = $1', [held]);
    expect(rows).toEqual([{ status: 'pending' }]);
  });

  it('given an invite without a calendar or a notBefore that is no time, when enqueued, then it is refused', async () => {
    await expect(enqueueMail(db.pool, mail(900, { icalEvent: { method: 'REQUEST', content: 'nope' } }))).rejects.toThrow(/VCALENDAR/);
    await expect(enqueueMail(db.pool, mail(901, { notBefore: new Date('x') }))).rejects.toThrow(/notBefore/);
  });
});
