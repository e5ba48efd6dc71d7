// Benchmark: the outbox relay draining N prepared rows to Kafka vs a bare kafkajs producer
// sending the same messages in the same batch sizes. Each contender runs in its own process,
// alternating first place every round, against the same PostgreSQL database and broker.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_STORE_SCHEMA_UP, slotFor } from '@payforward/event-store';
import { ensureTopics, kafkaBrokersFromEnv } from '@payforward/messaging';
import { deleteKafkaResources } from '@payforward/testing';
import type { BenchRow } from '../bench-row.js';

const CONTENDER = fileURLToPath(new URL('./relay.contender.main.js', import.meta.url));
const GROUP = 'outbox → Kafka';
type Contender = 'relay' | 'bare';

/** The server every benchmark uses; the same PG* variables as the services, with the dev defaults. */
const PG_ENV = {
  PGHOST: process.env.PGHOST ?? '127.0.0.1',
  PGPORT: process.env.PGPORT ?? '5432',
  PGUSER: process.env.PGUSER ?? 'postgres',
  ...(process.env.PGPASSWORD ? { PGPASSWORD: process.env.PGPASSWORD } : {}),
};
const pgConfig = (database: string): pg.ClientConfig => ({
  host: PG_ENV.PGHOST, port: Number(PG_ENV.PGPORT), user: PG_ENV.PGUSER, password: PG_ENV.PGPASSWORD, database,
});

export async function runRelayBench(opts: { rounds: number; messages: number; batchSize: number; progress: (m: string) => void }): Promise<BenchRow[]> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const database = `pf_bench_relay_${suffix}`;
  const topic = `bench.relay.${suffix}.v1`;
  const brokers = kafkaBrokersFromEnv();
  const admin = new pg.Client(pgConfig('postgres'));
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const pool = new pg.Pool({ ...pgConfig(database), max: 2 });
  const rates: Record<Contender, number[]> = { relay: [], bare: [] };
  try {
    await pool.query(EVENT_STORE_SCHEMA_UP);
    await ensureTopics(brokers, [{ name: topic, partitions: 3 }]);
    const rows = prepareRows(opts.messages);
    for (let round = 0; round < opts.rounds; round++) {
      await refillOutbox(pool, topic, rows);
      const order: Contender[] = round % 2 === 0 ? ['relay', 'bare'] : ['bare', 'relay'];
      for (const contender of order) {
        const { messages, ms } = await runContender(contender, { database, topic, batchSize: opts.batchSize });
        if (messages !== opts.messages) throw new Error(`${contender} sent ${messages} of ${opts.messages} messages`);
        const rate = (messages / ms) * 1_000;
        rates[contender].push(rate);
        opts.progress(`relay round ${round + 1}/${opts.rounds}: ${contender} ${Math.round(rate).toLocaleString('en-US')} msgs/s`);
      }
    }
  } finally {
    // pool.end() resolves before its sockets close; the forced DROP then ends those backends,
    // which the pool reports as an 'error' event: unheard, it would crash the whole run.
    pool.on('error', () => undefined);
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    await deleteKafkaResources({ topics: [topic] });
  }
  const relay = median(rates.relay);
  const bare = median(rates.bare);
  const label = `${opts.messages.toLocaleString('en-US')} msgs, batches of ${opts.batchSize}`;
  return [
    { group: GROUP, contender: `OutboxRelay (read + send + mark published; ${label})`, median: relay, unit: 'msgs/s', ratio: `${(relay / bare).toFixed(2)}× bare (target ≥ 0.5)` },
    { group: GROUP, contender: `bare kafkajs producer (same messages from memory; ${label})`, median: bare, unit: 'msgs/s', ratio: '1.00×' },
  ];
}

interface Row { id: string; streamId: string; slot: number; payload: string }

/** N MemberRegistered envelopes over 100 streams (≈ 400-byte JSON each), as the event store writes them. */
function prepareRows(n: number): Row[] {
  const members = Array.from({ length: 100 }, () => uuidv7());
  return Array.from({ length: n }, (_, i) => {
    const memberId = members[i % members.length]!;
    const streamId = `member-${memberId}`;
    const id = uuidv7();
    const envelope = {
      id, type: 'MemberRegistered', streamId, version: Math.floor(i / members.length) + 1, occurredAt: new Date().toISOString(), schemaVersion: 1,
      metadata: { actor: 'system:bench', correlationId: id, causationId: null },
      data: { memberId, email: `member${i}@example.com`, displayName: `Member ${i}`, headline: 'Paying it forward', timezone: 'Europe/Berlin', roles: ['MEMBER'] },
    };
    return { id, streamId, slot: slotFor(streamId), payload: JSON.stringify(envelope) };
  });
}

/** A fresh, unpublished outbox for every round (TRUNCATE, so no round inherits dead rows). */
async function refillOutbox(pool: pg.Pool, topic: string, rows: Row[]): Promise<void> {
  await pool.query('TRUNCATE es_outbox');
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    await pool.query(
      `INSERT INTO es_outbox (event_id, stream_id, topic, slot, payload)
       SELECT e.id, e.stream_id, $1, e.slot, e.payload FROM unnest($2::uuid[], $3::text[], $4::smallint[], $5::jsonb[]) WITH ORDINALITY AS e(id, stream_id, slot, payload, n)
       ORDER BY e.n`,
      [topic, chunk.map((r) => r.id), chunk.map((r) => r.streamId), chunk.map((r) => r.slot), chunk.map((r) => r.payload)],
    );
  }
  await pool.query('VACUUM ANALYZE es_outbox');
}

async function runContender(contender: Contender, env: { database: string; topic: string; batchSize: number }): Promise<{ messages: number; ms: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [CONTENDER, contender], {
    env: { ...process.env, ...PG_ENV, BENCH_DATABASE: env.database, BENCH_TOPIC: env.topic, BENCH_BATCH_SIZE: String(env.batchSize) },
    timeout: 300_000,
  });
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{"contender"'));
  if (!line) throw new Error(`${contender} printed no result:\n${stdout}`);
  return JSON.parse(line) as { messages: number; ms: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
