// Event → mail accepted by the SMTP server, end to end across processes as in production:
// events published to the benchmark's topics (notifications.mail.load.ts) → the notifications
// service (its built main, its consumer group, its MailSender) → its mail outbox → SMTP, to a
// maildev of this benchmark's own on free ports (never the shared one). Then the same mails
// through a bare nodemailer loop (notifications.mail.bare.ts) to the same server.
// Fresh databases (the service's, the key store), topics and consumer group, all removed afterwards.
import { randomBytes } from 'node:crypto';
import { deadLetterTopic } from '@payforward/contracts';
import { startTestMaildev, type TestMaildev } from '@payforward/mail';
import { ensureTopics, kafkaBrokersFromEnv } from '@payforward/messaging';
import { deleteKafkaResources, dropDatabase, freePort, repoRoot, runNodeScript, spawnService, uniqueSuffix, type ServiceProcess } from '@payforward/testing';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../bench-row.js';
import { runChild } from '../child-process.js';
import type { FanOutStats, MailLagStats, MailLoadResult } from './notifications.mail.load.js';

const script = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** The offered rate when the reputation lag group did not run before (its half append rate is the load). */
export const DEFAULT_MAIL_RATE = 50;

export interface MailBenchOptions {
  /** Measured seconds of the steady load. */
  seconds: number;
  /** Requests published per second; the reputation lag group's half rate when it ran. */
  rate?: number;
  /** Where `rate` came from, for the report. */
  rateSource?: string;
  /** Mails of the fan-out. */
  fanOut: number;
  progress(m: string): void;
}

export async function runNotificationsMailBench(opts: MailBenchOptions): Promise<BenchRow[]> {
  const suffix = uniqueSuffix();
  const prefix = `bench.${suffix}.mail`;
  const topics = { identity: `${prefix}.identity.member.v1`, helpRequest: `${prefix}.marketplace.help-request.v1`, reputation: `${prefix}.reputation.admin.v1`, flags: `${prefix}.reputation.flags.v1` };
  const group = `bench.notifications.${suffix}.mail`;
  const databases = { notifications: `pf_bench_notifications_${suffix}`, keys: `pf_bench_keys_${suffix}` };
  const rate = opts.rate ?? DEFAULT_MAIL_RATE;
  const masterKey = randomBytes(32).toString('base64');
  let smtp: TestMaildev | undefined;
  let service: ServiceProcess | undefined;
  try {
    smtp = await startTestMaildev();
    await runNodeScript('notifications migrate', join(repoRoot(), 'apps/notifications/dist/migrate.js'), { NOTIFICATIONS_DATABASE: databases.notifications, LOG_LEVEL: 'warn' }, 120_000);
    await ensureTopics(kafkaBrokersFromEnv(), [
      { name: topics.identity, partitions: 3 },
      { name: topics.helpRequest, partitions: 3 },
      { name: topics.reputation, partitions: 1 },
      { name: topics.flags, partitions: 3 },
    ]);
    const port = await freePort();
    service = await spawnService(
      'notifications',
      join(repoRoot(), 'apps/notifications/dist/main.js'),
      {
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NOTIFICATIONS_PORT: String(port),
        NOTIFICATIONS_DATABASE: databases.notifications,
        NOTIFICATIONS_CONSUMER_GROUP: group,
        NOTIFICATIONS_TEST_TOPIC_IDENTITY: topics.identity,
        NOTIFICATIONS_TEST_TOPIC_HELP_REQUEST: topics.helpRequest,
        NOTIFICATIONS_TEST_TOPIC_REPUTATION: topics.reputation,
        NOTIFICATIONS_TEST_TOPIC_FLAGS: topics.flags,
        SMTP_URL: smtp.smtpUrl,
        // The idle poll only matters when a wake() was missed: a commit that enqueues wakes the sender.
        MAIL_POLL_INTERVAL_MS: '50',
        JWT_SECRET: randomBytes(32).toString('base64url'),
        ENCRYPTION_MASTER_KEY: masterKey,
        KEYS_DATABASE: databases.keys,
        ...(process.env.BENCH_SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS } : {}),
      },
      `http://127.0.0.1:${port}/health`,
      120_000,
    );
    const load = await runChild<MailLoadResult>(
      script('notifications.mail.load.js'),
      [],
      {
        BENCH_TOPICS: JSON.stringify(topics),
        BENCH_NOTIFICATIONS_DATABASE: databases.notifications,
        BENCH_SECONDS: String(opts.seconds),
        BENCH_RATE: String(rate),
        BENCH_FANOUT: String(opts.fanOut),
        ENCRYPTION_MASTER_KEY: masterKey,
        KEYS_DATABASE: databases.keys,
      },
      (phase, detail) => {
        if (phase === 'registered') opts.progress(`mail · ${String(detail.members)} members registered and applied`);
        if (phase === 'lag') opts.progress(`mail · ${describe(detail as unknown as MailLagStats, opts.seconds)}`);
      },
      600_000,
    );
    opts.progress(`mail · fan-out through the service: ${load.fanOut.mails} mails in ${load.fanOut.seconds.toFixed(2)} s = ${load.fanOut.mailsPerSec.toFixed(1)} mails/s`);
    const bare = await runChild<FanOutStats>(script('notifications.mail.bare.js'), [], {
      BENCH_NOTIFICATIONS_DATABASE: databases.notifications,
      BENCH_FANOUT: String(opts.fanOut),
      BENCH_SMTP_URL: smtp.smtpUrl,
      BENCH_CONCURRENCY: '2',
    });
    opts.progress(`mail · bare nodemailer loop: ${bare.mails} mails in ${bare.seconds.toFixed(2)} s = ${bare.mailsPerSec.toFixed(1)} mails/s`);
    return rows(load, bare, opts.rateSource ?? `a fixed ${rate}/s: the reputation lag group did not run`);
  } finally {
    await service?.stop().catch((error: unknown) => opts.progress(`stopping the notifications service failed: ${String(error)}`));
    await smtp?.dispose().catch((error: unknown) => opts.progress(`stopping the benchmark's maildev failed: ${String(error)}`));
    for (const database of Object.values(databases)) {
      await dropDatabase(database).catch((error: unknown) => opts.progress(`dropping ${database} failed: ${String(error)}`));
    }
    await deleteKafkaResources({ topics: [...Object.values(topics), deadLetterTopic(group)], groups: [group] }).catch((error: unknown) =>
      opts.progress(`deleting the mail topics failed: ${String(error)}`),
    );
  }
}

const describe = (s: MailLagStats, seconds: number): string =>
  `${Math.round(s.achievedRate)} requests/s published (${Math.round(s.targetRate)} offered) for ${seconds} s, ${Math.round(s.sentRate)} mails/s sent meanwhile: event → mail sent ` +
  `p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(0)} ms (${s.samples} samples, ${s.unresolved} unresolved)`;

function rows(load: MailLoadResult, bare: FanOutStats, rateSource: string): BenchRow[] {
  const lagGroup = 'notifications: event → mail accepted by SMTP';
  const fanGroup = 'notifications: mail fan-out';
  const { lag, trickle, fanOut } = load;
  const missing = (s: MailLagStats) => (s.unresolved ? `; ${s.unresolved} not sent within 60 s` : '');
  const offered = `${Math.round(lag.targetRate)} requests/s offered (${rateSource}), ${Math.round(lag.achievedRate)}/s published, ${Math.round(lag.sentRate)} mails/s sent meanwhile; ${lag.samples} samples`;
  const ratio = fanOut.mailsPerSec / bare.mailsPerSec;
  return [
    { group: lagGroup, contender: `p50 (${offered})`, median: lag.p50Ms, unit: 'ms', ratio: `max ${Math.round(lag.maxMs)} ms${missing(lag)}` },
    { group: lagGroup, contender: 'p99 (same load)', median: lag.p99Ms, unit: 'ms', ratio: `${(lag.p99Ms / lag.p50Ms).toFixed(1)}× p50` },
    {
      group: lagGroup,
      contender: `p50 / p99 at a trickle (${Math.round(trickle.targetRate)} requests/s offered, ${Math.round(trickle.sentRate)} mails/s sent; ${trickle.samples} samples): the pipeline's floor, no backlog`,
      median: trickle.p50Ms,
      unit: 'ms',
      ratio: `p99 ${trickle.p99Ms.toFixed(1)} ms${missing(trickle)}`,
    },
    {
      group: fanGroup,
      contender: `service pipeline (events → consumer → outbox → MailSender → SMTP; ${fanOut.mails} mails, first publish → last sent_at)`,
      median: fanOut.mailsPerSec,
      unit: 'mails/s',
      ratio: `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}× bare nodemailer`,
    },
    { group: fanGroup, contender: `bare nodemailer loop (same ${bare.mails} mails, same server, one transport, 2 at a time)`, median: bare.mailsPerSec, unit: 'mails/s', ratio: '1.00×' },
  ];
}
