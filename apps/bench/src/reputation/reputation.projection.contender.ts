// Contender: the real reputation projection (apps/reputation's module: ConsumerRunner → facts
// table → ledger projector → ledger, flags and summaries) catching up with pre-filled topics
// from offset 0 on a fresh consumer group, then the service's rebuildProjection path
// (RebuildProjectionCommand → ProjectionRebuilder: facts → `_next` tables → atomic swap).
//
//   node reputation.projection.contender.js
//   env: BENCH_DATABASE (migrated), BENCH_GROUP, BENCH_TOPICS, BENCH_MESSAGES, BENCH_REBUILD (0|1), KAFKA_BROKERS, PG*
// Catch-up is timed from the first event the projection is handed to the last one applied (the
// group's join is not timed, for either contender). Prints {"phase"} lines and one {"result"}.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { env, print, topicsFromEnv, until } from './reputation.child.js';
import { bootReputation, fromReputation, TABLES_FINGERPRINT, type Ctor, type Fingerprint } from './reputation.dist.js';

interface ConsumerLike {
  stats(): { processed: number; duplicates: number; deadLettered: number };
}
interface ProjectionLike {
  apply(...args: unknown[]): Promise<void>;
  applyBatch?(...args: unknown[]): Promise<void>;
}

export interface ProjectionResult {
  messages: number;
  seconds: number;
  eventsPerSec: number;
  deadLettered: number;
  duplicates: number;
  facts: number;
  inputFacts: number;
  live: Fingerprint;
  rebuild?: { facts: number; seconds: number; factsPerSec: number; identical: boolean; error: string | null };
}

const { ReputationConsumer } = await fromReputation<{ ReputationConsumer: Ctor }>('projection/reputation.consumer.js');
const { ReputationProjection } = await fromReputation<{ ReputationProjection: Ctor }>('projection/reputation.projection.js');
const { ProjectionRebuilder } = await fromReputation<{ ProjectionRebuilder: Ctor }>('rebuild/projection.rebuilder.js');
const { RebuildProjectionCommand } = await fromReputation<{ RebuildProjectionCommand: Ctor }>('projections/rebuild-projection/rebuild-projection.command.js');

const messages = Number(env('BENCH_MESSAGES'));
let firstAt = 0;
const app = await bootReputation(env('BENCH_DATABASE'), env('BENCH_GROUP'), topicsFromEnv(), (nest) => {
  // The clock starts when the projection is handed its first event: the group's join is not its work.
  const projection = nest.get(ReputationProjection) as unknown as ProjectionLike;
  // Both entry points: one event at a time, and a consumed batch at once (the runner's batch path).
  for (const method of ['apply', 'applyBatch'] as const) {
    const original = projection[method]?.bind(projection);
    if (!original) continue;
    projection[method] = (...args: unknown[]) => {
      firstAt ||= performance.now();
      return original(...args);
    };
  }
});
try {
  const consumer = app.get(ReputationConsumer) as unknown as ConsumerLike;
  const pool = app.get<pg.Pool>(PG_POOL);
  const handled = () => {
    const s = consumer.stats();
    return s.processed + s.duplicates + s.deadLettered;
  };
  await until(() => firstAt > 0, 'the first event', 120_000, 20);
  print({ phase: 'catching-up' });
  await until(() => handled() >= messages, `${messages} events applied`, 1_800_000, 2);
  const seconds = (performance.now() - firstAt) / 1000;
  const stats = consumer.stats();
  const counts = (await pool.query<{ facts: number; inputs: number }>('SELECT count(*)::int AS facts, count(*) FILTER (WHERE ledger_input)::int AS inputs FROM reputation_facts')).rows[0]!;
  const fingerprint = async () => (await pool.query<Fingerprint>(TABLES_FINGERPRINT)).rows[0]!;
  const live = await fingerprint();
  const result: ProjectionResult = {
    messages: handled(),
    seconds,
    eventsPerSec: handled() / seconds,
    deadLettered: stats.deadLettered,
    duplicates: stats.duplicates,
    facts: counts.facts,
    inputFacts: counts.inputs,
    live,
  };
  print({ phase: 'caught-up', eventsPerSec: result.eventsPerSec });

  if (env('BENCH_REBUILD', '0') === '1') {
    const t0 = performance.now();
    await app.get(CommandBus).execute(new RebuildProjectionCommand('reputation') as never);
    await (app.get(ProjectionRebuilder) as unknown as { settled(): Promise<void> }).settled();
    const rebuildSeconds = (performance.now() - t0) / 1000;
    const status = (await pool.query<{ total: number; error: string | null }>("SELECT rebuild_total_events AS total, rebuild_error AS error FROM projection_status WHERE name = 'reputation'")).rows[0]!;
    const rebuilt = await fingerprint();
    result.rebuild = {
      facts: status.total,
      seconds: rebuildSeconds,
      factsPerSec: status.total / rebuildSeconds,
      identical: rebuilt.ledger === live.ledger && rebuilt.flags === live.flags && rebuilt.summaries === live.summaries,
      error: status.error,
    };
  }
  print({ result });
} finally {
  await app.close();
}
