// `npm run bench`: runs every benchmark group against the real PostgreSQL and Kafka, prints
// the table and writes it to bench/results/latest.md. Figures are ratios within one run.
// BENCH_GROUPS=notifications,reputation (comma-separated names below) runs only those groups.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './bench-row.js';
import { renderReport } from './report.js';
import { runEventStoreBench } from './event-store/event-store.bench.js';
import { runRelayBench } from './relay/relay.bench.js';
import { runMarketplaceBench } from './marketplace/marketplace.bench.js';
import { runNotificationsMailBench } from './notifications/notifications.mail.bench.js';
import { runReputationBench } from './reputation/reputation.bench.js';

const GROUPS = ['event-store', 'relay', 'marketplace', 'reputation', 'notifications'] as const;
const quick = process.argv.includes('--quick');
const selected = (process.env.BENCH_GROUPS ?? '').split(',').map((g) => g.trim()).filter(Boolean);
const unknown = selected.filter((g) => !(GROUPS as readonly string[]).includes(g));
if (unknown.length) throw new Error(`BENCH_GROUPS: unknown group ${unknown.join(', ')} (known: ${GROUPS.join(', ')})`);
const runs = (group: (typeof GROUPS)[number]): boolean => selected.length === 0 || selected.includes(group);
const progress = (m: string) => process.stderr.write(`  ${m}\n`);
const startedAt = new Date();
const rows: BenchRow[] = [];
/** The reputation lag group's half append rate: the e-mail group's load when both run. */
let halfRate: number | undefined;

if (runs('event-store')) {
  process.stderr.write('event store appends\n');
  rows.push(...(await runEventStoreBench({ rounds: quick ? 3 : 5, seconds: quick ? 2 : 4, progress })));
}
if (runs('relay')) {
  process.stderr.write('outbox relay to Kafka\n');
  rows.push(...(await runRelayBench({ rounds: quick ? 3 : 5, messages: quick ? 5_000 : 20_000, batchSize: 500, progress })));
}
if (runs('marketplace')) {
  process.stderr.write('marketplace: API path and capacity race\n');
  rows.push(...(await runMarketplaceBench({ rounds: quick ? 3 : 5, seconds: quick ? 2 : 4, progress })));
}
if (runs('reputation')) {
  process.stderr.write('reputation: projection catch-up, rebuild, command-to-projection lag\n');
  const onLag = (lag: { half: { targetRate: number } }) => void (halfRate = lag.half.targetRate);
  rows.push(...(await runReputationBench({ rounds: quick ? 2 : 3, events: quick ? 1_500 : 3_000, lagSeconds: quick ? 3 : 5, progress, onLag })));
}
if (runs('notifications')) {
  process.stderr.write('notifications: event → mail accepted by SMTP, mail fan-out\n');
  const rateSource = halfRate === undefined ? undefined : "the reputation lag group's half rate";
  rows.push(...(await runNotificationsMailBench({ seconds: quick ? 3 : 5, rate: halfRate, rateSource, fanOut: quick ? 100 : 300, progress })));
}

const report = renderReport(rows, startedAt, [
  ...(selected.length ? [`only the groups ${selected.join(', ')} (BENCH_GROUPS).`] : []),
  'event store: 1 event + its outbox row per append with an expected-version check, one stream per writer.',
  'relay: drains an outbox of prepared rows to Kafka and marks them published, vs a bare kafkajs producer.',
  'marketplace: a pair = requestHelp then acceptRequest; 16 clients, each with its own mentors (offers of capacity 50) and seekers, so no limit refuses. ' +
    'Gateway = HTTP POST /graphql with a bearer token through the Mercurius gateway to the marketplace subgraph (child processes: identity, ' +
    'reputation and the gateway from their builds, the marketplace module served on Fastify) sharing the cores with the load generator; ' +
    'in-process = the same module and command objects on CommandBus.execute in one process. Both run the outbox relay, to scratch topics. ' +
    'Capacity race: 100 requests per offer of capacity 3, all accepted at once; accepts decided (accepted or refused) per second of race time, in-process.',
  'reputation: a year of marketplace life (members; requests submitted, accepted, completed with feedback, declined, withdrawn, expired, no-shows, ' +
    'intros, referrals; repeat and reciprocal pairs, busy days) on scratch topics of 3 partitions. Catch-up: a fresh group from offset 0, the real ' +
    'projection (its module in its own process) vs a bare kafkajs consumer doing per batch one processed-id insert + one per-member score upsert, ' +
    'same database, alternating; timed from the first event handed over. Rebuild: rebuildProjection after the catch-up (facts → _next tables → swap), ' +
    'checked equal to the live tables, vs the same facts folded into nominal scores and swapped in by hand. Lag: the marketplace side appends ' +
    "help-request commands (event store + outbox; OutboxRelay with the services' settings) at half the append rate measured just before (16 writers, " +
    'relay off) to the reputation service (its main, own process); lag = append returned → reputation transaction committed (a trigger NOTIFYs on processed_events).',
  'notifications: the notifications service (its built main, own process, fresh database, key store, topics and group; MAIL_POLL_INTERVAL_MS 50) ' +
    'sending to a maildev of the benchmark\'s own on free ports. 120 members registered (sealed addresses, as identity publishes them), then ' +
    "HelpRequestSubmitted envelopes published open loop at a 5/s trickle, then at the reputation lag group's half rate (50/s when it did not run), 1 s warm-up each; " +
    "lag = publish acknowledged by the broker → the mentor's mail_outbox row marked sent (sent_at, read from the database afterwards; it is the " +
    "sender's claim-transaction time, so the SMTP hand-over itself, a few ms, is not in it). Fan-out: N requests published at once; mails/s from " +
    'the first publish to the last sent_at, vs a bare nodemailer loop (one transport built as MailSender builds it, 2 at a time as its default ' +
    'concurrency) sending the same N mails (same addresses, subjects, text and HTML parts, headers) to the same server after 20 warm-up mails. One round.',
]);
const out = join(process.env.PAYFORWARD_ROOT ?? process.cwd(), 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.md'), report);
process.stdout.write(report);
