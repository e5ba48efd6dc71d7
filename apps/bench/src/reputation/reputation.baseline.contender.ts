// Baseline: what a projection of these events costs at least, by hand. A bare kafkajs consumer
// reads the same messages from offset 0 and, per fetched batch, in one transaction: inserts the
// batch's event ids into processed_events (the dedupe every consumer does) and upserts one
// score per member from a fixed points table (the nominal rulebook points, no caps, decay,
// pay-forward, flags, ledger lines or history). Same database, same server, same broker.
// `rebuild`: the same scores recomputed from the projection's stored facts into a fresh table,
// swapped in.
//
//   node reputation.baseline.contender.js catch-up|rebuild
//   env: BENCH_DATABASE, BENCH_GROUP, BENCH_TOPICS, BENCH_MESSAGES, KAFKA_BROKERS, PG*
import { performance } from 'node:perf_hooks';
import kafkajs from 'kafkajs';
import pg from 'pg';
import type { EventEnvelope } from '@payforward/contracts';
import { kafkaBrokersFromEnv } from '@payforward/messaging';
import { pgSettings } from '@payforward/platform';
import { env, print, topicsFromEnv, until } from './reputation.child.js';

export interface BaselineResult {
  messages: number;
  seconds: number;
  eventsPerSec: number;
  batches: number;
  members: number;
}

const SCORES_DDL = (table: string) => `CREATE TABLE IF NOT EXISTS ${table} (member_id uuid PRIMARY KEY, score integer NOT NULL DEFAULT 0)`;

/** The nominal points an event moves, per member (registrations: a row with 0). */
function pointsOf(e: Pick<EventEnvelope, 'type' | 'data'>, add: (memberId: string, points: number) => void): void {
  const d = e.data as Record<string, any>;
  switch (e.type) {
    case 'MemberRegistered':
      return add(d.memberId, 0);
    case 'HelpRequestCompleted':
      return add(d.mentorId, d.kind === 'INTRO' ? 15 : d.kind === 'REFERRAL' ? 0 : 10);
    case 'FeedbackLeft':
      if (d.side !== 'SEEKER') return;
      add(d.seekerId, 2);
      if (d.rating >= 4 && d.kind !== 'INTRO' && d.kind !== 'REFERRAL') add(d.mentorId, 5);
      return;
    case 'NoShowReported':
      return add(d.absent === 'SEEKER' ? d.seekerId : d.mentorId, d.absent === 'SEEKER' ? -5 : -10);
    case 'ReferralVouched':
      return add(d.mentorId, 20);
    case 'ReferralOutcomeReported':
      return d.outcome === 'HIRED' ? add(d.mentorId, 30) : undefined;
    default:
      return;
  }
}

function deltas(events: Iterable<Pick<EventEnvelope, 'type' | 'data'>>): { ids: string[]; points: number[] } {
  const byMember = new Map<string, number>();
  for (const e of events) pointsOf(e, (m, p) => byMember.set(m, (byMember.get(m) ?? 0) + p));
  return { ids: [...byMember.keys()], points: [...byMember.values()] };
}

const upsertScores = (table: string) => ({
  name: `bench-baseline-upsert-${table}`,
  text: `INSERT INTO ${table} (member_id, score) SELECT * FROM unnest($1::uuid[], $2::int[])
         ON CONFLICT (member_id) DO UPDATE SET score = ${table}.score + EXCLUDED.score`,
});

async function catchUp(pool: pg.Pool): Promise<BaselineResult> {
  const group = env('BENCH_GROUP');
  const messages = Number(env('BENCH_MESSAGES'));
  const topics = topicsFromEnv();
  await pool.query(SCORES_DDL('bench_baseline_scores'));
  const kafka = new kafkajs.Kafka({ clientId: 'bench-reputation-baseline', brokers: kafkaBrokersFromEnv(), logLevel: kafkajs.logLevel.NOTHING });
  // The ConsumerRunner's consumer settings, so both fetch alike.
  const consumer = kafka.consumer({ groupId: group, sessionTimeout: 15_000, rebalanceTimeout: 20_000, heartbeatInterval: 1_500, maxWaitTimeInMs: 1_000, allowAutoTopicCreation: false });
  let done = 0;
  let batches = 0;
  let firstAt = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topics.identity, topics.helpRequest, topics.admin], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1_000,
      autoCommitThreshold: 100,
      eachBatch: async ({ batch }) => {
        if (batch.messages.length === 0) return;
        firstAt ||= performance.now();
        const events = new Map<string, EventEnvelope>();
        for (const m of batch.messages) {
          const e = JSON.parse(m.value!.toString('utf8')) as EventEnvelope;
          events.set(e.id, e);
        }
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const claimed = await client.query<{ event_id: string }>({
            name: 'bench-baseline-claim',
            text: 'INSERT INTO processed_events (consumer_group, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id',
            values: [group, [...events.keys()]],
          });
          const { ids, points } = deltas(claimed.rows.map((r) => events.get(r.event_id)!));
          if (ids.length > 0) await client.query({ ...upsertScores('bench_baseline_scores'), values: [ids, points] });
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
        done += batch.messages.length;
        batches++;
      },
    });
    await until(() => firstAt > 0, 'the first batch', 120_000, 20);
    print({ phase: 'catching-up' });
    await until(() => done >= messages, `${messages} events`, 1_800_000, 2);
    const seconds = (performance.now() - firstAt) / 1000;
    const members = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_baseline_scores')).rows[0]!.n;
    return { messages: done, seconds, eventsPerSec: done / seconds, batches, members };
  } finally {
    await consumer.disconnect();
  }
}

/** The baseline's rebuild: the same input facts the projection's rebuild reads, folded into nominal scores, written to a fresh table and swapped in. */
async function rebuild(pool: pg.Pool): Promise<BaselineResult> {
  const client = await pool.connect();
  try {
    const t0 = performance.now();
    const { rows } = await client.query<{ envelope: EventEnvelope }>('SELECT envelope FROM reputation_facts WHERE ledger_input ORDER BY occurred_at, event_id');
    const { ids, points } = deltas(rows.map((r) => r.envelope));
    await client.query('BEGIN');
    await client.query(`DROP TABLE IF EXISTS bench_baseline_scores_next; ${SCORES_DDL('bench_baseline_scores_next')}`);
    for (let i = 0; i < ids.length; i += 5_000) {
      await client.query({ ...upsertScores('bench_baseline_scores_next'), values: [ids.slice(i, i + 5_000), points.slice(i, i + 5_000)] });
    }
    await client.query('INSERT INTO bench_baseline_scores_next (member_id, score) SELECT member_id, 0 FROM reputation_members ON CONFLICT DO NOTHING');
    await client.query('DROP TABLE IF EXISTS bench_baseline_scores; ALTER TABLE bench_baseline_scores_next RENAME TO bench_baseline_scores');
    await client.query('COMMIT');
    const seconds = (performance.now() - t0) / 1000;
    return { messages: rows.length, seconds, eventsPerSec: rows.length / seconds, batches: 1, members: ids.length };
  } finally {
    client.release();
  }
}

const mode = process.argv[2];
const pool = new pg.Pool({ ...pgSettings(env('BENCH_DATABASE')), max: 4 });
try {
  if (mode === 'catch-up') print({ result: await catchUp(pool) });
  else if (mode === 'rebuild') print({ result: await rebuild(pool) });
  else throw new Error(`unknown mode "${mode}" (catch-up|rebuild)`);
} finally {
  await pool.end();
}
