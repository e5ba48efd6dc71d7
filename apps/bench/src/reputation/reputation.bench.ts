// The reputation benchmark.
//
// 1. Catch-up: a realistic marketplace log (reputation.workload.ts) is published once to this
//    run's topics (3 partitions, keyed by stream, as the relays publish). Each round gets a fresh
//    database (the service's migrations) and both contenders read the topics from offset 0 on a
//    fresh consumer group, alternating who goes first: the real projection (its module, in its
//    own process) and the raw-SQL baseline (bare kafkajs, per batch one dedupe insert + one
//    score upsert), each in its own process, both on that same database.
// 2. Rebuild: after catching up, the projection's process rebuilds through the service's
//    rebuildProjection path and checks the rebuilt tables equal the live ones; the baseline
//    recomputes its scores from the same stored facts into a fresh table and swaps it in.
// 3. Command-to-projection lag: see reputation.lag.bench.ts.
import kafkajs from 'kafkajs';
import { deadLetterTopic, type EventEnvelope } from '@payforward/contracts';
import { createKafkaClient, ensureTopics, kafkaBrokersFromEnv } from '@payforward/messaging';
import { deleteKafkaResources, dropDatabase, uniqueSuffix } from '@payforward/testing';
import type { BenchRow } from '../bench-row.js';
import type { BaselineResult } from './reputation.baseline.contender.js';
import { benchTopics, median, migrateReputation, runChild } from './reputation.child.js';
import { runLagBench, type LagResult, type SteadyStats } from './reputation.lag.bench.js';
import type { ProjectionResult } from './reputation.projection.contender.js';
import { marketplaceLog } from './reputation.workload.js';

const CATCH_UP = 'reputation: projection catch-up from offset 0';
const REBUILD = 'reputation: rebuild from the stored facts';

export interface ReputationBenchOptions {
  rounds: number;
  /** Events in the pre-filled topics. */
  events: number;
  /** Measured seconds of the lag benchmark's steady load (and of its append-rate baseline). */
  lagSeconds: number;
  progress(m: string): void;
  /** Hears the lag benchmark's result (the e-mail group reuses its half rate as its load). */
  onLag?(lag: LagResult): void;
}

export async function runReputationBench(opts: ReputationBenchOptions): Promise<BenchRow[]> {
  const suffix = uniqueSuffix();
  const topics = benchTopics(`bench.${suffix}`);
  const groups: string[] = [];
  const projections: ProjectionResult[] = [];
  const baselines: BaselineResult[] = [];
  const baselineRebuilds: BaselineResult[] = [];
  let lag: LagResult | undefined;
  try {
    const t0 = Date.now();
    const log = marketplaceLog(opts.events);
    const messages = log.registrations.length + log.helpRequests.length;
    await ensureTopics(kafkaBrokersFromEnv(), [{ name: topics.identity, partitions: 3 }, { name: topics.helpRequest, partitions: 3 }, { name: topics.admin, partitions: 1 }]);
    await publish(topics.identity, log.registrations);
    await publish(topics.helpRequest, log.helpRequests);
    opts.progress(`${messages.toLocaleString('en-US')} events (${log.members} members, ${log.requests} requests over a year) published to ${topics.helpRequest} and ${topics.identity} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    for (let round = 0; round < opts.rounds; round++) {
      const database = `pf_bench_reputation_${suffix}_${round}`;
      await migrateReputation(database);
      try {
        const common = { BENCH_DATABASE: database, BENCH_TOPICS: JSON.stringify(topics), BENCH_MESSAGES: String(messages) };
        const order = round % 2 === 0 ? ['projection', 'baseline'] : ['baseline', 'projection'];
        for (const contender of order) {
          const group = `bench.reputation.${suffix}.${contender}.${round}`;
          groups.push(group);
          if (contender === 'projection') {
            const r = await runChild<ProjectionResult>('reputation.projection.contender.js', [], { ...common, BENCH_GROUP: group, BENCH_REBUILD: '1' });
            projections.push(r);
            opts.progress(
              `catch-up · round ${round + 1}/${opts.rounds} · projection: ${Math.round(r.eventsPerSec)} events/s (${r.messages} in ${r.seconds.toFixed(1)} s; ` +
                `${r.inputFacts} ledger inputs → ${r.live.entries} ledger lines, ${r.live.flag_count} flags, ${r.live.scored_members} members scored; dead-lettered ${r.deadLettered})` +
                (r.rebuild ? ` · rebuild: ${Math.round(r.rebuild.factsPerSec)} facts/s (${r.rebuild.facts} in ${r.rebuild.seconds.toFixed(2)} s), rebuilt = live ${r.rebuild.identical ? '✓' : '✗'}` : ''),
            );
          } else {
            const r = await runChild<BaselineResult>('reputation.baseline.contender.js', ['catch-up'], { ...common, BENCH_GROUP: group });
            baselines.push(r);
            opts.progress(`catch-up · round ${round + 1}/${opts.rounds} · raw SQL baseline: ${Math.round(r.eventsPerSec)} events/s (${r.messages} in ${r.seconds.toFixed(1)} s, ${r.batches} batches)`);
          }
        }
        const r = await runChild<BaselineResult>('reputation.baseline.contender.js', ['rebuild'], { BENCH_DATABASE: database });
        baselineRebuilds.push(r);
        opts.progress(`rebuild · round ${round + 1}/${opts.rounds} · raw SQL baseline: ${Math.round(r.eventsPerSec)} facts/s (${r.messages} in ${r.seconds.toFixed(2)} s)`);
      } finally {
        await dropDatabase(database).catch((error: unknown) => opts.progress(`dropping ${database} failed: ${String(error)}`));
      }
    }
    lag = await runLagBench({ suffix, seconds: opts.lagSeconds, progress: opts.progress });
    opts.onLag?.(lag);
  } finally {
    await deleteKafkaResources({ topics: [...Object.values(topics), ...groups.map(deadLetterTopic)], groups }).catch((error: unknown) =>
      opts.progress(`deleting bench.${suffix}.* failed: ${String(error)}`),
    );
  }
  return [...catchUpRows(projections, baselines), ...rebuildRows(projections, baselineRebuilds), ...(lag ? lagRows(lag) : [])];
}

/** Publishes envelopes as a relay would: keyed by stream id, in the order given, acks from all replicas. */
async function publish(topic: string, envelopes: readonly EventEnvelope[]): Promise<void> {
  const producer = createKafkaClient({ brokers: kafkaBrokersFromEnv(), clientId: 'bench-reputation-fill' }).producer({
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  try {
    for (let i = 0; i < envelopes.length; i += 1_000) {
      await producer.send({ topic, acks: -1, messages: envelopes.slice(i, i + 1_000).map((e) => ({ key: e.streamId, value: JSON.stringify(e), headers: { 'event-type': e.type, 'event-id': e.id } })) });
    }
  } finally {
    await producer.disconnect();
  }
}

/** 0.61×, or 0.0049× when two decimals would show nothing. */
const times = (ratio: number): string => `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;

function catchUpRows(projections: ProjectionResult[], baselines: BaselineResult[]): BenchRow[] {
  const ours = median(projections.map((r) => r.eventsPerSec));
  const raw = median(baselines.map((r) => r.eventsPerSec));
  const sample = projections[0];
  const sane = projections.every((r) => r.deadLettered === 0 && r.live.ledger === sample?.live.ledger && r.live.summaries === sample?.live.summaries);
  return [
    {
      group: CATCH_UP,
      contender: `real projection (ConsumerRunner → facts → ledger projector → ledger, flags, summaries; ${sample?.messages.toLocaleString('en-US')} events)`,
      median: ours,
      unit: 'events/s',
      ratio: `${times(ours / raw)} raw SQL (target ≥ 1.0); ${sane ? 'every round: same ledger, 0 dead letters' : 'sanity ✗ rounds differ or events were dead-lettered'}`,
    },
    { group: CATCH_UP, contender: 'raw SQL baseline (bare kafkajs; per batch: processed-id insert + per-member score upsert)', median: raw, unit: 'events/s', ratio: '1.00×' },
  ];
}

function rebuildRows(projections: ProjectionResult[], baselines: BaselineResult[]): BenchRow[] {
  const rebuilds = projections.flatMap((r) => (r.rebuild ? [r.rebuild] : []));
  const ours = median(rebuilds.map((r) => r.factsPerSec));
  const raw = median(baselines.map((r) => r.eventsPerSec));
  const identical = rebuilds.every((r) => r.identical && r.error === null);
  return [
    {
      group: REBUILD,
      contender: `rebuildProjection (facts → _next tables → atomic swap; ${rebuilds[0]?.facts.toLocaleString('en-US')} ledger-input facts)`,
      median: ours,
      unit: 'facts/s',
      ratio: `${times(ours / raw)} raw SQL; rebuilt = live row for row ${identical ? '✓' : '✗'}`,
    },
    { group: REBUILD, contender: 'raw SQL baseline (same facts → nominal scores → fresh table, swapped)', median: raw, unit: 'facts/s', ratio: '1.00×' },
  ];
}

function lagRows(lag: LagResult): BenchRow[] {
  const group = 'reputation: command-to-projection lag';
  const { half, trickle } = lag;
  const verdict = (value: number, limit: number) => `target ≤ ${limit} ms ${value <= limit ? '✓' : '✗'}`;
  const load = (s: SteadyStats) => `${Math.round(s.targetRate)} appends/s offered, ${Math.round(s.achievedRate)}/s made, projection applied ${Math.round(s.appliedRate)}/s`;
  const missing = (s: SteadyStats) => (s.unresolved ? `; ${s.unresolved} not applied within 60 s` : '');
  return [
    {
      group,
      contender: `p50 at ½ the append rate (${load(half)}; ${half.samples} samples)`,
      median: half.p50Ms,
      unit: 'ms',
      ratio: `${verdict(half.p50Ms, 50)}; ledger inputs only ${half.inputsP50Ms.toFixed(1)} ms`,
    },
    { group, contender: 'p99 at ½ the append rate (same load)', median: half.p99Ms, unit: 'ms', ratio: `${verdict(half.p99Ms, 250)}; max ${Math.round(half.maxMs)} ms${missing(half)}` },
    {
      group,
      contender: `p50 / p99 at a trickle (${load(trickle)}): the pipeline's floor, no backlog`,
      median: trickle.p50Ms,
      unit: 'ms',
      ratio: `p99 ${trickle.p99Ms.toFixed(1)} ms${missing(trickle)}`,
    },
    {
      group,
      contender: `append rate baseline (event store append + outbox row, ${lag.writers} writers, same command mix, relay off)`,
      median: lag.appendRate,
      unit: 'appends/s',
      ratio: '1.00×',
    },
  ];
}
