import { jest } from '@jest/globals';
import type { PersonalData } from '@payforward/crypto-shredding';
import { startTestMaildev, type TestMaildev } from '@payforward/mail';
import { pgSettings, runMigrations } from '@payforward/platform';
import {
  createTestDatabase,
  deleteKafkaResources,
  freePort,
  repoRoot,
  spawnService,
  uniqueSuffix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@payforward/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NOTIFICATIONS_MIGRATIONS } from '../migrations/index.js';
import { createSpecTopics, helpRequest, march, publish, type SpecTopics } from '../notifications.spec.fixtures.js';
import { sealedMember, specPersonalData, type SpecMember } from './email.spec.fixtures.js';

/**
 * The built notifications service as a child process, SIGKILLed while it is consuming a burst of
 * requests and sending their mails, then started again: every mentor gets their mail, one
 * distinct mail each (one outbox row, one Message-ID), whatever the kill interrupted. ADR 016's
 * honest window: a mail the server accepted just before the kill, not yet recorded, goes again
 * with the same Message-ID — at most one per sender worker (2).
 */
jest.setTimeout(240_000);

const MENTORS = 60;
const suffix = uniqueSuffix();
let topics: SpecTopics;
let smtp: TestMaildev;
let personal: PersonalData;
let db: TestDatabase;
let service: ServiceProcess | undefined;
const groupId = `notifications.crash.${suffix}`;

beforeAll(async () => {
  if (!existsSync(join(repoRoot(), 'apps/notifications/dist/main.js'))) throw new Error('apps/notifications is not built: run npx nx run-many -t build');
  smtp = await startTestMaildev();
  personal = specPersonalData();
  topics = await createSpecTopics(`crash${suffix}`);
  db = await createTestDatabase('notifications_crash', undefined, 4);
  await runMigrations(pgSettings(db.name), NOTIFICATIONS_MIGRATIONS);
}, 90_000);

afterAll(async () => {
  await service?.stop();
  await smtp?.dispose();
  await personal?.close();
  await db?.drop();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [], groups: [groupId] });
}, 60_000);

async function start(): Promise<ServiceProcess> {
  const port = await freePort();
  return spawnService(
    'notifications',
    'apps/notifications/dist/main.js',
    {
      NOTIFICATIONS_DATABASE: db.name,
      NOTIFICATIONS_PORT: String(port),
      NOTIFICATIONS_CONSUMER_GROUP: groupId,
      NOTIFICATIONS_TEST_TOPIC_IDENTITY: topics.identity,
      NOTIFICATIONS_TEST_TOPIC_HELP_REQUEST: topics.helpRequest,
      NOTIFICATIONS_TEST_TOPIC_REPUTATION: topics.reputation,
      NOTIFICATIONS_TEST_TOPIC_FLAGS: topics.flags,
      SMTP_URL: smtp.smtpUrl,
      MAIL_POLL_INTERVAL_MS: '100',
      MAIL_RETRY_BASE_MS: '100',
      MAIL_RETRY_MAX_MS: '1000',
      JWT_SECRET: `crash-spec-secret-${suffix}-0123456789abcdef`,
      ENCRYPTION_MASTER_KEY: process.env.ENCRYPTION_MASTER_KEY!,
      KEYS_DATABASE: process.env.KEYS_DATABASE || 'pf_test_keys',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    `http://127.0.0.1:${port}/health`,
    90_000,
  );
}

const delivered = async (mentors: SpecMember[]) => {
  const wanted = new Set(mentors.map((m) => m.email));
  return (await smtp.inbox.list()).filter((m) => m.recipients.some((r) => wanted.has(r)));
};

describe('notifications e-mail: a SIGKILL mid-batch', () => {
  it('given a burst of requests, when the service is killed while consuming and sending and then restarted, then every mentor gets one distinct mail', async () => {
    const seeker = await sealedMember(personal, 'Sam');
    const mentors = await Promise.all(Array.from({ length: MENTORS }, (_, i) => sealedMember(personal, `Mentor${i}`)));
    await publish(topics.identity, [seeker.registered, ...mentors.map((m) => m.registered)]);
    service = await start();
    await publish(topics.helpRequest, mentors.map((m) => helpRequest(m.id, seeker.id).submitted(march(2))));

    // The first mail is out: the kill lands while the rest is being consumed or sent.
    await waitFor(async () => (await delivered(mentors)).length > 0, { timeoutMs: 60_000, intervalMs: 20, what: 'the first mail' });
    service.child.kill('SIGKILL');
    await new Promise<void>((resolve) => (service!.child.exitCode !== null || service!.child.signalCode !== null ? resolve() : service!.child.once('exit', () => resolve())));
    const atKill = (await delivered(mentors)).length;
    expect(atKill).toBeLessThan(MENTORS); // the kill really interrupted the burst

    service = await start();
    // After a SIGKILL the broker waits out the dead member's session before handing its partitions on.
    await waitFor(async () => new Set((await delivered(mentors)).flatMap((m) => m.recipients)).size >= MENTORS, { timeoutMs: 120_000, what: `mail for all ${MENTORS} mentors` }).catch(
      async (error: Error) => {
        const outbox = (await db.pool.query('SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status')).rows;
        const notified = (await db.pool.query('SELECT count(*)::int AS n FROM notifications')).rows[0].n;
        throw new Error(`${error.message}; outbox ${JSON.stringify(outbox)}, ${notified} notifications stored; service output:\n${service?.output()}`);
      },
    );
    await waitFor(async () => (await db.pool.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'pending'`)).rows[0].n === 0, { what: 'the outbox drained' });

    const mails = await delivered(mentors);
    for (const mentor of mentors) {
      const theirs = mails.filter((m) => m.recipients.includes(mentor.email));
      expect(theirs.length).toBeGreaterThanOrEqual(1);
      expect(new Set(theirs.map((m) => m.messageId)).size).toBe(1);
    }
    // At most the mails in hand at the kill (one per worker) were handed over twice.
    expect(mails.length).toBeLessThanOrEqual(MENTORS + 2);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS keys FROM mail_outbox`);
    expect(rows[0]).toEqual({ n: MENTORS, keys: MENTORS });
  });
});
