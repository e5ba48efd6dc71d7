import { jest } from '@jest/globals';
import { EVENT_STORE_SCHEMA_UP, OUTBOX_SLOTS, PostgresEventStore } from '@payforward/event-store';
import { createTestDatabase, kafkaBrokers, pgConfig, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import { OutboxRelay, ensureTopics } from './index.js';
import { envelopesOf, insertOutbox, interleavedEvents, memberEvent, range, readTopic, testLogger, topicSize, versionsByStream } from './testing/messaging.fixtures.js';

jest.setTimeout(60_000);

const suffix = uniqueSuffix();
const LATE_MEMBER = '0193a0b4-6f1e-7c3a-9d2e-000000000042';
let db: TestDatabase;
const relays: OutboxRelay[] = [];

const newRelay = (options: { batchSize?: number; rebalanceIntervalMs?: number; pollIntervalMs?: number } = {}) => {
  const relay = new OutboxRelay({
    database: { ...pgConfig(), database: db.name },
    kafka: { brokers: kafkaBrokers(), clientId: `test-relay-${suffix}` },
    pollIntervalMs: 20,
    logger: testLogger(),
    ...options,
  });
  relays.push(relay);
  return relay;
};

async function newTopic(name: string): Promise<string> {
  const topic = `test.relay.${name}.${suffix}.v1`;
  await ensureTopics(kafkaBrokers(), [{ name: topic, partitions: 3 }]);
  return topic;
}

beforeAll(async () => {
  db = await createTestDatabase('messaging_relay', EVENT_STORE_SCHEMA_UP);
});

// Every relay holds slot leases in this database: stop them, so the next test starts alone.
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
});

afterAll(async () => {
  await db.drop();
});

describe('OutboxRelay', () => {
  it('given 10 streams × 50 interleaved events, when the relay publishes in several batches, then each stream arrives complete and in order', async () => {
    const topic = await newTopic('order');
    const events = interleavedEvents(10, 50);
    await insertOutbox(db.pool, topic, events);
    const relay = newRelay({ batchSize: 64 });

    const published = await relay.publishPending();

    expect(published).toBe(500);
    expect(await relay.pendingCount()).toBe(0);
    const unmarked = await db.pool.query('SELECT count(*)::int AS n FROM es_outbox WHERE topic = $1 AND published_at IS NULL', [topic]);
    expect(unmarked.rows[0].n).toBe(0);

    const messages = await readTopic(topic, 500);
    const envelopes = envelopesOf(messages);
    expect(new Set(envelopes.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    expect(envelopes).toHaveLength(500);
    for (const versions of versionsByStream(envelopes).values()) expect(versions).toEqual(range(1, 50));
    // Key = stream id; headers carry type and id so consumers can route without parsing.
    for (const [i, m] of messages.entries()) {
      expect(m.key).toBe(envelopes[i]!.streamId);
      expect(m.headers).toEqual({ 'event-type': 'MemberRegistered', 'event-id': envelopes[i]!.id });
    }
  });

  it('given a transaction that commits late with an early position, when the relay is mid-way through later rows, then that event is still published, before its stream\'s next one', async () => {
    const topic = await newTopic('late');
    const [late1, late2] = [memberEvent(LATE_MEMBER, 1), memberEvent(LATE_MEMBER, 2)];
    const held = await db.pool.connect();
    try {
      await held.query('BEGIN');
      await insertOutbox(held, topic, [late1!]); // takes the smallest position, commits last
      const others = interleavedEvents(40, 50);
      await insertOutbox(db.pool, topic, others);
      const relay = newRelay({ batchSize: 50 });
      await relay.start();
      await waitFor(() => relay.publishedCount() >= 500, { what: 'the relay mid-way through the later rows' });
      await held.query('COMMIT');
      await insertOutbox(db.pool, topic, [late2!]); // the stream's next version, appended after the commit
      await waitFor(async () => (await relay.pendingCount()) === 0, { timeoutMs: 30_000, what: 'an empty outbox' });

      const envelopes = envelopesOf(await readTopic(topic, 2_002));
      expect(new Set(envelopes.map((e) => e.id)).size).toBe(2_002);
      expect(versionsByStream(envelopes).get(late1!.streamId)).toEqual([1, 2]);
      for (const versions of versionsByStream(envelopes).values()) expect(versions).toEqual(range(1, versions.length));
    } finally {
      held.release();
    }
  });

  it('given two relay instances, when both run, then they split the slots and publish every row exactly once', async () => {
    const topic = await newTopic('pair');
    const [a, b] = [newRelay({ batchSize: 50, rebalanceIntervalMs: 200 }), newRelay({ batchSize: 50, rebalanceIntervalMs: 200 })];
    await a.start();
    await b.start();
    await waitFor(() => a.ownedSlots().length === OUTBOX_SLOTS / 2 && b.ownedSlots().length === OUTBOX_SLOTS / 2, { what: 'an even split of the slots' });
    expect(a.ownedSlots().filter((s) => b.ownedSlots().includes(s))).toEqual([]);

    const events = interleavedEvents(40, 50);
    await insertOutbox(db.pool, topic, events);
    await waitFor(async () => (await a.pendingCount()) === 0, { timeoutMs: 30_000, what: 'an empty outbox' });

    expect(a.publishedCount()).toBeGreaterThan(0);
    expect(b.publishedCount()).toBeGreaterThan(0);
    expect(a.publishedCount() + b.publishedCount()).toBe(2_000);
    expect(await topicSize(topic)).toBe(2_000);
    const envelopes = envelopesOf(await readTopic(topic, 2_000));
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(2_000);
    for (const versions of versionsByStream(envelopes).values()) expect(versions).toEqual(range(1, 50));
  });

  it('given the relay\'s database session is killed while it publishes, when it reconnects, then it finishes the outbox by itself', async () => {
    const topic = await newTopic('pgkill');
    const events = interleavedEvents(20, 100);
    await insertOutbox(db.pool, topic, events);
    const relay = newRelay({ batchSize: 50 });
    await relay.start();
    await waitFor(() => relay.publishedCount() >= 300, { what: 'the relay under way' });

    const killed = await db.pool.query(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'outbox-relay'`,
    );
    expect(killed.rows).toEqual([{ ok: true }]);
    await waitFor(async () => (await db.pool.query('SELECT count(*)::int AS n FROM es_outbox WHERE topic = $1 AND published_at IS NULL', [topic])).rows[0].n === 0, {
      timeoutMs: 30_000,
      what: 'the outbox drained after the reconnect',
    });

    // At least once across the lost session (a batch sent but not marked is sent again), in order.
    const total = await topicSize(topic);
    const envelopes = envelopesOf(await readTopic(topic, total));
    expect(new Set(envelopes.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    const seen = new Set<string>();
    const firsts = envelopes.filter((e) => !seen.has(e.id) && seen.add(e.id));
    for (const versions of versionsByStream(firsts).values()) expect(versions).toEqual(range(1, 100));
  });

  it('given two relay instances, when one stops, then the other takes over all slots and publishes what follows', async () => {
    const topic = await newTopic('takeover');
    const [a, b] = [newRelay({ rebalanceIntervalMs: 200 }), newRelay({ rebalanceIntervalMs: 200 })];
    await a.start();
    await b.start();
    await waitFor(() => a.ownedSlots().length > 0 && b.ownedSlots().length > 0, { what: 'both relays leasing slots' });

    await a.stop();
    await waitFor(() => b.ownedSlots().length === OUTBOX_SLOTS, { what: 'the survivor leasing every slot' });
    const events = interleavedEvents(20, 5);
    await insertOutbox(db.pool, topic, events);
    await waitFor(async () => (await b.pendingCount()) === 0, { what: 'an empty outbox' });

    const envelopes = envelopesOf(await readTopic(topic, 100));
    expect(new Set(envelopes.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    expect(a.ownedSlots()).toEqual([]);
  });

  it('given an idle relay that polls once a minute, when events are appended (also after its listening session is killed), then each is published within seconds', async () => {
    const topic = await newTopic('wakeup');
    const store = new PostgresEventStore(db.pool, { topicFor: () => topic });
    const relay = newRelay({ pollIntervalMs: 60_000 });
    const started = await serverNow();
    await relay.start();
    await waitFor(() => relay.ownedSlots().length === OUTBOX_SLOTS, { what: 'the relay leasing every slot' });
    const pid = await relayAsleep({ since: started }); // its first poll found nothing: asleep now
    const append = (memberId: string) =>
      store.append(`member-${memberId}`, [{ type: 'MemberRegistered', data: { memberId }, metadata: { actor: 'test', correlationId: memberId, causationId: null } }], 'no_stream');

    await append('0193a0b4-6f1e-7c3a-9d2e-000000000101');
    await waitFor(() => relay.publishedCount() === 1, { timeoutMs: 5_000, what: 'the first append published without a poll' });

    const listeners = `SELECT pid, backend_start FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'outbox-relay-wakeup' AND query ILIKE 'LISTEN%'`;
    const [old] = (await db.pool.query<{ pid: number; backend_start: Date }>(listeners)).rows;
    expect(old).toBeDefined();
    await db.pool.query('SELECT pg_terminate_backend($1)', [old!.pid]);
    const renewed = await waitFor(async () => (await db.pool.query<{ pid: number; backend_start: Date }>(listeners)).rows.find((r) => r.pid !== old!.pid), {
      what: 'a new listening session',
    });
    await relayAsleep({ since: renewed.backend_start, pid }); // its reconnect wake-up's poll found nothing: asleep again
    await append('0193a0b4-6f1e-7c3a-9d2e-000000000102');
    await waitFor(() => relay.publishedCount() === 2, { timeoutMs: 5_000, what: 'the second append published without a poll' });
    expect(envelopesOf(await readTopic(topic, 2)).map((e) => e.type)).toEqual(['MemberRegistered', 'MemberRegistered']);
  });
});

const serverNow = async (): Promise<Date> => (await db.pool.query<{ t: Date }>('SELECT clock_timestamp() AS t')).rows[0]!.t;

/**
 * Instead of sleeping until a relay is idle: its session (opened after `since`, or `pid`) is idle,
 * and its last statement, run after `since`, was the read of pending rows: how a poll that found
 * nothing ends. Returns the session's pid.
 */
async function relayAsleep({ since, pid }: { since: Date; pid?: number }): Promise<number> {
  return waitFor(
    async () => {
      const { rows } = await db.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'outbox-relay' AND state = 'idle'
            AND query LIKE 'WITH next AS%' AND state_change > $1 AND ($2::int IS NULL AND backend_start > $1 OR pid = $2::int)`,
        [since, pid ?? null],
      );
      return rows.length === 1 ? rows[0]!.pid : undefined;
    },
    { what: 'the relay asleep after a poll that found nothing' },
  );
}
