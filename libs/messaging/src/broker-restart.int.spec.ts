// Stops and restarts THE shared Kafka broker: run this file alone (the lead runs it serially).
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type pg from 'pg';
import type { EventEnvelope } from '@payforward/contracts';
import { EVENT_STORE_SCHEMA_UP } from '@payforward/event-store';
import { createTestDatabase, kafkaBrokers, pgConfig, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import { ConsumerRunner, OutboxRelay, PROCESSED_EVENTS_SCHEMA_UP, ensureTopics, kafkaHealth } from './index.js';
import { insertOutbox, memberEvent, testLogger } from './testing/messaging.fixtures.js';

jest.setTimeout(300_000);

const KAFKA_SH = fileURLToPath(new URL('../../../infra/kafka/kafka.sh', import.meta.url));
const kafkaSh = (command: 'start' | 'stop') => promisify(execFile)('bash', [KAFKA_SH, command], { timeout: 180_000 });

const suffix = uniqueSuffix();
const topic = `test.restart.${suffix}.v1`;
const groupId = `test-restart-${suffix}`;
let db: TestDatabase;
let relay: OutboxRelay | undefined;
let runner: ConsumerRunner | undefined;
let trace: NodeJS.Timeout | undefined;

const READ_MODEL = `
CREATE TABLE member_stream_counts (
  stream_id text PRIMARY KEY, applied int NOT NULL, last_version int NOT NULL, out_of_order int NOT NULL DEFAULT 0
);`;

async function applyToReadModel(e: EventEnvelope, tx: pg.PoolClient): Promise<void> {
  await tx.query(
    `INSERT INTO member_stream_counts AS t (stream_id, applied, last_version) VALUES ($1, 1, $2)
     ON CONFLICT (stream_id) DO UPDATE SET applied = t.applied + 1, last_version = EXCLUDED.last_version,
       out_of_order = t.out_of_order + CASE WHEN EXCLUDED.last_version = t.last_version + 1 THEN 0 ELSE 1 END`,
    [e.streamId, e.version],
  );
}

const appliedTotal = async (): Promise<number> =>
  (await db.pool.query('SELECT coalesce(sum(applied), 0)::int AS n FROM member_stream_counts')).rows[0].n;

/** Appends one event every few ms, round-robin over 20 streams, until stopped. */
function startWriter(): { written: EventEnvelope[]; stop: () => Promise<void> } {
  const members = Array.from({ length: 20 }, (_, i) => `0193a0b4-6f1e-7c3a-9d2e-${String(i).padStart(12, '0')}`);
  const versions = new Map<string, number>();
  const written: EventEnvelope[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const member = members[i % members.length]!;
      const version = (versions.get(member) ?? 0) + 1;
      const event = memberEvent(member, version);
      await insertOutbox(db.pool, topic, [event]);
      versions.set(member, version);
      written.push(event);
      await new Promise((r) => setTimeout(r, 15));
    }
  })();
  return { written, stop: async () => { running = false; await loop; } };
}

beforeAll(async () => {
  db = await createTestDatabase('messaging_broker_restart', EVENT_STORE_SCHEMA_UP + PROCESSED_EVENTS_SCHEMA_UP + READ_MODEL);
  await ensureTopics(kafkaBrokers(), [{ name: topic, partitions: 3 }]);
});

afterAll(async () => {
  clearInterval(trace);
  await kafkaSh('start'); // whatever happened, leave a broker behind for the other suites
  await relay?.stop();
  await runner?.stop();
  await db.drop();
});

describe('relay and consumer across a broker restart', () => {
  it('given events flowing, when the broker stops and starts again, then relay and consumer recover by themselves and every event is applied exactly once', async () => {
    relay = new OutboxRelay({
      database: { ...pgConfig(), database: db.name },
      kafka: { brokers: kafkaBrokers(), clientId: `test-restart-relay-${suffix}` },
      pollIntervalMs: 20,
      maxBackoffMs: 1_000,
      logger: testLogger(),
    });
    runner = new ConsumerRunner({
      groupId,
      topics: [topic],
      kafka: { brokers: kafkaBrokers(), clientId: `test-restart-consumer-${suffix}` },
      pool: db.pool,
      handler: applyToReadModel,
      retryBackoffMs: { initialMs: 50, maxMs: 1_000 },
      stallTimeoutMs: 20_000,
      sessionTimeoutMs: 10_000,
      logger: testLogger(),
    });
    await relay.start();
    await runner.start();
    const writer = startWriter();
    // A trace of the recovery in the test output (and of where it got stuck, should it).
    const started = Date.now();
    trace = setInterval(() => {
      void Promise.all([appliedTotal(), relay!.pendingCount()]).then(([applied, pending]) =>
        process.stderr.write(`[${Math.round((Date.now() - started) / 1000)}s] written ${writer.written.length}, outbox pending ${pending}, applied ${applied}, consumer ${JSON.stringify(runner!.stats())}\n`),
      ).catch(() => undefined);
    }, 5_000);

    await waitFor(async () => (await appliedTotal()) >= 100, { timeoutMs: 60_000, what: 'the first 100 events applied' });
    await kafkaSh('stop');
    expect(await kafkaHealth(kafkaBrokers(), { timeoutMs: 1_000 })).toMatchObject({ ok: false });
    await new Promise((r) => setTimeout(r, 3_000)); // events keep being written while the broker is away
    const writtenWhileDown = writer.written.length;
    await kafkaSh('start');
    expect(await kafkaHealth(kafkaBrokers())).toMatchObject({ ok: true, brokers: 1 });

    // Recovered without any restart from us: events written after the outage get through.
    await waitFor(async () => (await appliedTotal()) >= writtenWhileDown + 100, { timeoutMs: 120_000, intervalMs: 250, what: 'events flowing again after the restart' });
    await writer.stop();
    const total = writer.written.length;
    await waitFor(async () => (await appliedTotal()) === total, { timeoutMs: 120_000, intervalMs: 250, what: `all ${total} events applied` });
    clearInterval(trace);

    expect(await relay.pendingCount()).toBe(0);
    const perStream = new Map<string, number>();
    for (const e of writer.written) perStream.set(e.streamId, (perStream.get(e.streamId) ?? 0) + 1);
    const rows = (await db.pool.query('SELECT stream_id, applied, last_version, out_of_order FROM member_stream_counts')).rows;
    expect(rows).toHaveLength(perStream.size);
    for (const row of rows) {
      expect(row).toEqual({ stream_id: row.stream_id, applied: perStream.get(row.stream_id), last_version: perStream.get(row.stream_id), out_of_order: 0 });
    }
    const processed = (await db.pool.query('SELECT count(*)::int AS n FROM processed_events WHERE consumer_group = $1', [groupId])).rows[0].n;
    expect(processed).toBe(total);
    expect(runner.stats().processed).toBe(total);
    process.stderr.write(`broker restart: ${total} events, ${writtenWhileDown} written before the broker came back; consumer ${JSON.stringify(runner.stats())}\n`);
  });
});
