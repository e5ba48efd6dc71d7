import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { memberStreamId } from '@payforward/contracts';
import { MailSender, MaildevInbox } from '@payforward/mail';
import { deleteKafkaResources, uniqueSuffix, waitFor } from '@payforward/testing';
import { createSpecTopics, envelope, erased, publish, registered, startNotifications, type SpecNotifications, type SpecTopics } from '../notifications.spec.fixtures.js';

/**
 * Identity's account events → transactional mails (ADR 019) on real Kafka, PostgreSQL and the
 * local SMTP server (maildev, MAIL_API_URL): one outbox row per event however often it is
 * delivered, text and HTML with the web client's link, delivered once; an erased member's rows
 * keep no address or link.
 */
jest.setTimeout(120_000);

const suffix = uniqueSuffix();
let topics: SpecTopics;
let n: SpecNotifications;

beforeAll(async () => {
  topics = await createSpecTopics(`${suffix}-acct`);
  n = await startNotifications('account_mail', topics);
}, 90_000);

afterAll(async () => {
  await n?.close();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [] });
}, 60_000);

const token = (c: string) => c.repeat(43);
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();
const requested = (type: 'EmailVerificationRequested' | 'PasswordResetRequested', memberId: string, email: string, t: string, version: number) =>
  envelope(type, memberStreamId(memberId), version, at(version), { memberId, email, token: t, expiresAt: at(version + 30) }, memberId);

const outboxOf = async (memberId: string) =>
  (await n.db.pool.query(`SELECT dedupe_key, mail_to, subject, text_body, html_body, status, message_id FROM mail_outbox WHERE dedupe_key LIKE '%:' || $1 || ':email' ORDER BY created_at`, [memberId])).rows;

describe('account mails', () => {
  it('given verification and reset requests delivered twice, then one mail each with the link, sent once through SMTP', async () => {
    const memberId = uuidv7();
    const email = `account-mail-${suffix}@example.com`;
    const events = [registered(memberId, 'Dana', at(1)), requested('EmailVerificationRequested', memberId, email, token('a'), 2), requested('PasswordResetRequested', memberId, email, token('b'), 3)];
    await publish(topics.identity, events);
    await publish(topics.identity, events.slice(1));
    await n.applied(events);

    const rows = await outboxOf(memberId);
    expect(rows.map((r) => r.dedupe_key)).toEqual([`${events[1]!.id}:${memberId}:email`, `${events[2]!.id}:${memberId}:email`]);
    const [verify, reset] = rows;
    expect(verify.mail_to).toEqual([email]);
    expect(verify.subject).toBe('Confirm your e-mail address for Payforward');
    expect(verify.text_body).toContain(`http://localhost:4200/verify-email?token=${token('a')}`);
    expect(verify.html_body).toContain(`href="http://localhost:4200/verify-email?token=${token('a')}"`);
    expect(reset.subject).toBe('Reset your Payforward password');
    expect(reset.text_body).toContain(`/reset-password?token=${token('b')}`);
    // Transactional: no unsubscribe headers.
    expect(JSON.stringify(rows)).not.toMatch(/List-Unsubscribe/i);

    const inbox = new MaildevInbox();
    const sender = new MailSender(n.db.pool, { pollIntervalMs: 50 });
    sender.start();
    try {
      await waitFor(async () => (await inbox.countTo(email)) >= 2, { timeoutMs: 30_000, what: 'both account mails in maildev' });
    } finally {
      await sender.stop();
    }
    for (const row of rows) expect(await inbox.countByMessageId(row.message_id)).toBe(1);
    expect(await inbox.countTo(email)).toBe(2);
  });

  it('given an address that did not open (erased before it was consumed), then no mail', async () => {
    const memberId = uuidv7();
    const event = requested('PasswordResetRequested', memberId, 'pf:enc:v1:' + memberId + ':AAAAAAAAAAAAAAAA:' + 'B'.repeat(30), token('c'), 2);
    await publish(topics.identity, [event]);
    await n.applied([event]);
    expect(await outboxOf(memberId)).toEqual([]);
  });

  it('given MemberErased, then the member’s mails keep no address, subject or link, and an unsent one is failed, not sent', async () => {
    const memberId = uuidv7();
    const email = `erased-account-mail-${suffix}@example.com`;
    const events = [requested('EmailVerificationRequested', memberId, email, token('d'), 2), erased(memberId, at(5))];
    await publish(topics.identity, [events[0]!]);
    await n.applied([events[0]!]);
    expect((await outboxOf(memberId)).map((r) => r.status)).toEqual(['pending']);
    await publish(topics.identity, [events[1]!]);
    await n.applied(events);
    const rows = await outboxOf(memberId);
    expect(rows).toEqual([expect.objectContaining({ status: 'failed', subject: '[erased]', text_body: '[erased]', html_body: null })]);
    expect(JSON.stringify(rows)).not.toContain(email);
    expect(JSON.stringify(rows)).not.toContain(token('d'));
  });
});
