// Command-to-projection lag, end to end across processes as in production: the marketplace side
// (reputation.lag.load.ts: event store appends + the outbox relay) → Kafka → the reputation
// service (reputation.service.ts: the service's main with the benchmark's topics and group) →
// its read model. Fresh databases, topics and consumer group, all removed afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { deadLetterTopic } from '@payforward/contracts';
import { EVENT_STORE_SCHEMA_UP } from '@payforward/event-store';
import { ensureTopics, kafkaBrokersFromEnv } from '@payforward/messaging';
import { deleteKafkaResources, dropDatabase, freePort, pgConfig, spawnService, type ServiceProcess } from '@payforward/testing';
import { benchTopics, migrateReputation, runChild, script } from './reputation.child.js';
import type { LagResult, SteadyStats } from './reputation.lag.load.js';

export type { LagResult, SteadyStats } from './reputation.lag.load.js';

/** Tells whoever listens on `bench_applied` which event a reputation transaction applied, when it commits. */
const NOTIFY_ON_APPLY = `
  CREATE FUNCTION bench_notify_applied() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_notify('bench_applied', NEW.event_id::text); RETURN NULL; END $$;
  CREATE TRIGGER bench_notify_applied AFTER INSERT ON processed_events FOR EACH ROW EXECUTE FUNCTION bench_notify_applied();`;

async function sql(database: string, text: string): Promise<void> {
  const client = new pg.Client({ ...pgConfig(), database });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function runLagBench(opts: { suffix: string; seconds: number; writers?: number; progress(m: string): void }): Promise<LagResult> {
  const topics = benchTopics(`bench.${opts.suffix}.lag`);
  const group = `bench.reputation.${opts.suffix}.lag`;
  const databases = { market: `pf_bench_reputation_${opts.suffix}_market`, reputation: `pf_bench_reputation_${opts.suffix}_lag` };
  let service: ServiceProcess | undefined;
  try {
    await sql('postgres', `CREATE DATABASE "${databases.market}"`);
    await sql(databases.market, EVENT_STORE_SCHEMA_UP);
    await migrateReputation(databases.reputation);
    await sql(databases.reputation, NOTIFY_ON_APPLY);
    await ensureTopics(kafkaBrokersFromEnv(), [{ name: topics.identity, partitions: 3 }, { name: topics.helpRequest, partitions: 3 }, { name: topics.admin, partitions: 1 }]);
    const port = await freePort();
    service = await spawnService(
      'reputation',
      script('reputation.service.js'),
      {
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        REPUTATION_PORT: String(port),
        REPUTATION_DATABASE: databases.reputation,
        JWT_SECRET: randomBytes(32).toString('base64url'),
        BENCH_TOPICS: JSON.stringify(topics),
        BENCH_GROUP: group,
        // e.g. --cpu-prof, to see where the service's time goes under the load
        ...(process.env.BENCH_SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS } : {}),
      },
      `http://127.0.0.1:${port}/health`,
      120_000,
    );
    const result = await runChild<LagResult>(
      'reputation.lag.load.js',
      [],
      {
        BENCH_MARKET_DATABASE: databases.market,
        BENCH_REPUTATION_DATABASE: databases.reputation,
        BENCH_TOPICS: JSON.stringify(topics),
        BENCH_SECONDS: String(opts.seconds),
        BENCH_WRITERS: String(opts.writers ?? 16),
      },
      (phase, detail) => {
        if (phase === 'append-rate') opts.progress(`lag · append rate (relay off): ${Math.round(Number(detail.appendRate))} appends/s`);
        if (phase === 'trickle') opts.progress(`lag · ${describe(detail as unknown as SteadyStats, opts.seconds)}`);
      },
    );
    opts.progress(`lag · ${describe(result.half, opts.seconds)}`);
    return result;
  } finally {
    await service?.stop().catch((error: unknown) => opts.progress(`stopping the reputation service failed: ${String(error)}`));
    for (const database of Object.values(databases)) {
      await dropDatabase(database).catch((error: unknown) => opts.progress(`dropping ${database} failed: ${String(error)}`));
    }
    await deleteKafkaResources({ topics: [...Object.values(topics), deadLetterTopic(group)], groups: [group] }).catch((error: unknown) =>
      opts.progress(`deleting the lag topics failed: ${String(error)}`),
    );
  }
}

const describe = (s: SteadyStats, seconds: number): string =>
  `${Math.round(s.achievedRate)} appends/s (${Math.round(s.targetRate)} offered) for ${seconds} s, projection applied ${Math.round(s.appliedRate)}/s meanwhile: ` +
  `p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(0)} ms ` +
  `(ledger inputs only: p50 ${s.inputsP50Ms.toFixed(1)} ms, p99 ${s.inputsP99Ms.toFixed(1)} ms; ${s.samples} samples, ${s.unresolved} unresolved)`;
