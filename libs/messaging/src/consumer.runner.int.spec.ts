import { jest } from '@jest/globals';
import type pg from 'pg';
import type { EventEnvelope } from '@payforward/contracts';
import { deadLetterTopic } from '@payforward/contracts';
import { createTestDatabase, kafkaBrokers, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import {
  ConsumerRunner,
  DEAD_LETTER_HEADERS,
  PROCESSED_EVENTS_SCHEMA_UP,
  TransientError,
  createKafkaClient,
  ensureTopics,
  type ConsumerRunnerOptions,
} from './index.js';
import { interleavedEvents, memberEvent, readTopic, testLogger } from './testing/messaging.fixtures.js';

jest.setTimeout(90_000);

const suffix = uniqueSuffix();
const kafka = createKafkaClient({ brokers: kafkaBrokers(), clientId: `test-consumer-${suffix}`, logger: testLogger() });
// Idempotent: a send retried under load must not put a message on the topic twice (the counts below are exact).
const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
let db: TestDatabase;
const runners: ConsumerRunner[] = [];

// A read model that is NOT idempotent by itself: applying an event twice would show.
const READ_MODEL = `
CREATE TABLE member_stream_counts (
  stream_id text PRIMARY KEY,
  applied int NOT NULL,
  last_version int NOT NULL,
  out_of_order int NOT NULL DEFAULT 0
);`;

async function applyToReadModel(e: EventEnvelope, tx: pg.PoolClient): Promise<void> {
  await tx.query(
    `INSERT INTO member_stream_counts AS t (stream_id, applied, last_version) VALUES ($1, 1, $2)
     ON CONFLICT (stream_id) DO UPDATE SET applied = t.applied + 1, last_version = EXCLUDED.last_version,
       out_of_order = t.out_of_order + CASE WHEN EXCLUDED.last_version = t.last_version + 1 THEN 0 ELSE 1 END`,
    [e.streamId, e.version],
  );
}

const readModel = async () =>
  (await db.pool.query('SELECT stream_id, applied, last_version, out_of_order FROM member_stream_counts ORDER BY stream_id')).rows;
const appliedTotal = async (): Promise<number> =>
  (await db.pool.query('SELECT coalesce(sum(applied), 0)::int AS n FROM member_stream_counts')).rows[0].n;
const processedIds = async (groupId: string): Promise<string[]> =>
  (await db.pool.query('SELECT event_id FROM processed_events WHERE consumer_group = $1', [groupId])).rows.map((r) => r.event_id);

async function newTopic(name: string): Promise<string> {
  const topic = `test.consumer.${name}.${suffix}.v1`;
  await ensureTopics(kafkaBrokers(), [{ name: topic, partitions: 3 }]);
  return topic;
}

async function publish(topic: string, values: ReadonlyArray<{ key: string; value: Buffer | string }>): Promise<void> {
  await producer.send({ topic, acks: -1, messages: values.map((v) => ({ key: v.key, value: v.value })) });
}
const asMessages = (events: readonly EventEnvelope[]) => events.map((e) => ({ key: e.streamId, value: JSON.stringify(e) }));

function newRunner(options: Pick<ConsumerRunnerOptions, 'groupId' | 'topics'> & Partial<ConsumerRunnerOptions>): ConsumerRunner {
  const runner = new ConsumerRunner({
    kafka: { brokers: kafkaBrokers(), clientId: `test-consumer-${suffix}` },
    pool: db.pool,
    handler: applyToReadModel,
    retryBackoffMs: { initialMs: 20, maxMs: 200 },
    logger: testLogger(),
    ...options,
  });
  runners.push(runner);
  return runner;
}

beforeAll(async () => {
  db = await createTestDatabase('messaging_consumer', PROCESSED_EVENTS_SCHEMA_UP + READ_MODEL);
  await producer.connect();
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await db.pool.query('TRUNCATE member_stream_counts');
});

afterAll(async () => {
  await producer.disconnect();
  await db.drop();
});

describe('ConsumerRunner', () => {
  it('given a consumed topic, when the group is reset to the beginning and every message is delivered again, then the read model is unchanged', async () => {
    const topic = await newTopic('redelivery');
    const groupId = `test-redelivery-${suffix}`;
    const events = interleavedEvents(20, 10);
    await publish(topic, asMessages(events));

    const first = newRunner({ groupId, topics: [topic] });
    await first.start();
    await waitFor(async () => (await appliedTotal()) === 200 && (await first.lag()) === 0, { timeoutMs: 30_000, what: '200 events applied and committed' });
    await first.stop();
    const before = await readModel();
    expect(before).toHaveLength(20);
    expect(before.every((r) => r.applied === 10 && r.last_version === 10 && r.out_of_order === 0)).toBe(true);

    const admin = kafka.admin();
    await admin.connect();
    // Forget the group's committed offsets (faster than resetOffsets, which waits out a fetch):
    // the group then starts again from the beginning, as after an offset reset or a lost commit.
    await admin.deleteGroups([groupId]);
    await admin.disconnect();
    const second = newRunner({ groupId, topics: [topic] });
    expect(await second.lag()).toBe(200);
    await second.start();
    await waitFor(() => second.stats().duplicates === 200, { timeoutMs: 30_000, what: 'all 200 events redelivered' });

    expect(second.stats()).toMatchObject({ processed: 0, duplicates: 200, deadLettered: 0 });
    expect(await readModel()).toEqual(before);
    const ids = await processedIds(groupId);
    expect(ids).toHaveLength(200);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
    await waitFor(async () => (await second.lag()) === 0, { what: 'the redelivered offsets committed' });
  });

  it('given the database connections are killed mid-stream, when the consumer retries, then every event is applied exactly once', async () => {
    const topic = await newTopic('pgkill');
    const groupId = `test-pgkill-${suffix}`;
    const events = interleavedEvents(10, 30);
    await publish(topic, asMessages(events));
    let killed = false;
    const handler = async (e: EventEnvelope, tx: pg.PoolClient) => {
      await applyToReadModel(e, tx);
      if (!killed && e.version === 10) {
        killed = true;
        // Every connection of the pool, this transaction's included, as a database restart would.
        await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
        await tx.query('SELECT 1'); // fails: the connection is gone, the transaction with it
      }
    };
    const runner = newRunner({ groupId, topics: [topic], handler });
    await runner.start();
    await waitFor(async () => (await appliedTotal()) === 300, { timeoutMs: 30_000, what: '300 events applied' });

    expect(killed).toBe(true);
    expect(runner.stats().transientRetries).toBeGreaterThanOrEqual(1);
    expect(runner.stats()).toMatchObject({ processed: 300, deadLettered: 0 });
    expect((await readModel()).every((r) => r.applied === 30 && r.last_version === 30 && r.out_of_order === 0)).toBe(true);
    expect(await processedIds(groupId)).toHaveLength(300);
  });

  it('given raw garbage and an invalid envelope between valid events, when consumed, then both are dead-lettered with a reason and the valid ones applied', async () => {
    const topic = await newTopic('malformed');
    const groupId = `test-malformed-${suffix}`;
    const [valid1, valid2] = [memberEvent('0193a0b4-6f1e-7c3a-9d2e-000000000001', 1), memberEvent('0193a0b4-6f1e-7c3a-9d2e-000000000001', 2)];
    const badEnvelope = { ...memberEvent('0193a0b4-6f1e-7c3a-9d2e-000000000001', 3), id: 'not-a-uuid' };
    // One key, so all four land in one partition in this order.
    await publish(topic, [
      { key: valid1.streamId, value: JSON.stringify(valid1) },
      { key: valid1.streamId, value: Buffer.from([0xff, 0x00, 0x7b, 0x13]) },
      { key: valid1.streamId, value: JSON.stringify(badEnvelope) },
      { key: valid1.streamId, value: JSON.stringify(valid2) },
    ]);

    const runner = newRunner({ groupId, topics: [topic] });
    await runner.start();
    await waitFor(async () => (await readModel())[0]?.last_version === 2, { timeoutMs: 30_000, what: 'the event after the bad ones applied' });

    expect(await readModel()).toEqual([{ stream_id: valid1.streamId, applied: 2, last_version: 2, out_of_order: 0 }]);
    expect(runner.stats()).toMatchObject({ processed: 2, deadLettered: 2 });
    const dead = await readTopic(deadLetterTopic(groupId), 2);
    expect(dead.map((m) => m.headers[DEAD_LETTER_HEADERS.reason])).toEqual([
      expect.stringMatching(/^unparseable JSON/),
      expect.stringMatching(/^invalid envelope: id/),
    ]);
    expect(dead.map((m) => [m.headers[DEAD_LETTER_HEADERS.topic], m.headers[DEAD_LETTER_HEADERS.offset]])).toEqual([[topic, '1'], [topic, '2']]);
    expect(dead[0]!.value).toEqual(Buffer.from([0xff, 0x00, 0x7b, 0x13])); // the original bytes, for inspection
  });

  it('given a handler that fails transiently for one event and always for another, when consumed, then the first is applied once and the second dead-lettered after its attempts', async () => {
    const topic = await newTopic('failing');
    const groupId = `test-failing-${suffix}`;
    const [flaky, poison, after] = interleavedEvents(3, 1);
    let flakyCalls = 0;
    const handler = async (e: EventEnvelope, tx: pg.PoolClient) => {
      await applyToReadModel(e, tx); // rolled back whenever the handler throws afterwards
      if (e.id === flaky!.id && ++flakyCalls <= 2) throw new TransientError('dependency not ready yet');
      if (e.id === poison!.id) throw new Error('bug: cannot handle this event');
    };
    await publish(topic, asMessages([flaky!, poison!, after!]).map((m) => ({ ...m, key: 'one-partition' })));

    const runner = newRunner({ groupId, topics: [topic], handler, maxHandlerAttempts: 3 });
    await runner.start();
    await waitFor(() => runner.stats().processed === 2 && runner.stats().deadLettered === 1, { timeoutMs: 30_000, what: 'two applied, one dead-lettered' });

    expect(flakyCalls).toBe(3);
    expect(runner.stats().transientRetries).toBe(2);
    expect((await readModel()).map((r) => r.stream_id).sort()).toEqual([flaky!.streamId, after!.streamId].sort());
    expect(new Set(await processedIds(groupId))).toEqual(new Set([flaky!.id, after!.id]));
    const [dead] = await readTopic(deadLetterTopic(groupId), 1);
    expect(dead!.headers[DEAD_LETTER_HEADERS.reason]).toBe('handler failed 3 times: bug: cannot handle this event');
    expect(JSON.parse(dead!.value!.toString()).id).toBe(poison!.id);
  });

  it('given a batch handler, when batches (one with a poison event) are consumed and then redelivered, then each event is applied once, the poison dead-lettered, the redelivery a no-op', async () => {
    const topic = await newTopic('batched');
    const groupId = `test-batched-${suffix}`;
    const events = interleavedEvents(10, 20);
    const poison = events[57]!;
    const fail = (e: EventEnvelope) => {
      if (e.id === poison.id) throw new Error('bug: cannot handle this event');
    };
    const batches: number[] = [];
    const options = {
      groupId,
      topics: [topic],
      maxHandlerAttempts: 2,
      handler: async (e: EventEnvelope, tx: pg.PoolClient) => (fail(e), applyToReadModel(e, tx)),
      batchHandler: async (items: Array<{ envelope: EventEnvelope }>, tx: pg.PoolClient) => {
        batches.push(items.length);
        for (const { envelope } of items) await applyToReadModel(envelope, tx); // rolled back when the poison throws below
        items.forEach(({ envelope }) => fail(envelope));
      },
    };
    await publish(topic, asMessages(events));
    const first = newRunner(options);
    await first.start();
    await waitFor(async () => first.stats().processed === 199 && first.stats().deadLettered === 1 && (await first.lag()) === 0, { timeoutMs: 30_000, what: '199 applied, 1 dead-lettered' });
    await first.stop();

    expect(batches.some((n) => n > 1)).toBe(true);
    const rows = await readModel();
    expect(rows.every((r) => r.out_of_order === 0 || r.stream_id === poison.streamId)).toBe(true);
    expect(rows.reduce((n, r) => n + r.applied, 0)).toBe(199);
    expect(new Set(await processedIds(groupId))).toEqual(new Set(events.filter((e) => e !== poison).map((e) => e.id)));
    const [dead] = await readTopic(deadLetterTopic(groupId), 1);
    expect(JSON.parse(dead!.value!.toString()).id).toBe(poison.id);

    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]);
    await admin.disconnect();
    batches.length = 0;
    const second = newRunner(options);
    await second.start();
    await waitFor(() => second.stats().duplicates === 199 && second.stats().deadLettered === 1, { timeoutMs: 30_000, what: 'all redelivered' });
    expect(await readModel()).toEqual(rows);
    expect(second.stats().processed).toBe(0);
  });
});
