import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { EVENT_STORE_SCHEMA_UP } from '@payforward/event-store';
import { createTestDatabase, kafkaBrokers, pgConfig, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import { createKafkaClient, ensureTopics } from './index.js';
import { envelopesOf, insertOutbox, interleavedEvents, range, readTopic, testLogger, topicSize } from './testing/messaging.fixtures.js';

jest.setTimeout(120_000);

// The relay as services run it: the built entry point, in its own process (`npm run build` first).
const RELAY_MAIN = fileURLToPath(new URL('../dist/bin/outbox-relay.main.js', import.meta.url));
const BATCH = 50;
const suffix = uniqueSuffix();
const topic = `test.relay.crash.${suffix}.v1`;
let db: TestDatabase;
const children: ChildProcess[] = [];
const admin = createKafkaClient({ brokers: kafkaBrokers(), clientId: 'test-probe', logger: testLogger() }).admin();

/** The relay's test hook line (bin/outbox-relay.main.ts): the ids of a batch sent and held unmarked. */
const HELD_MARKER = 'relay-test-held ';

interface Relay {
  child: ChildProcess;
  /** Resolves with the event ids of the batch the relay holds sent-but-not-marked (RELAY_TEST_HOLD_AFTER_BATCH). */
  held: Promise<string[]>;
}

function spawnRelay(holdAfterBatch?: number): Relay {
  const { host, port, user, password } = pgConfig();
  const child = spawn(process.execPath, [RELAY_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: `postgres://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@${host}:${port}/${db.name}`,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      RELAY_BATCH_SIZE: String(BATCH),
      RELAY_POLL_INTERVAL_MS: '20',
      RELAY_TEST_HOLD_AFTER_BATCH: holdAfterBatch ? String(holdAfterBatch) : '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const held = new Promise<string[]>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(HELD_MARKER)) resolve(JSON.parse(line.slice(HELD_MARKER.length)) as string[]);
      else process.stdout.write(`${line}\n`);
    });
    child.once('exit', (code, signal) => reject(new Error(`the relay exited (${code ?? signal}) before holding a batch`)));
  });
  held.catch(() => undefined); // only awaited for relays asked to hold
  return { child, held };
}

const exited = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
    : new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

const publishedRows = async (): Promise<number> =>
  (await db.pool.query('SELECT count(*)::int AS n FROM es_outbox WHERE published_at IS NOT NULL')).rows[0].n;

const unpublishedOf = async (ids: readonly string[]): Promise<number> =>
  (await db.pool.query('SELECT count(*)::int AS n FROM es_outbox WHERE event_id = ANY($1::uuid[]) AND published_at IS NULL', [ids])).rows[0].n;

beforeAll(async () => {
  if (!existsSync(RELAY_MAIN)) throw new Error(`${RELAY_MAIN} is missing: run \`cd libs/messaging && npm run build\` first`);
  db = await createTestDatabase('messaging_relay_crash', EVENT_STORE_SCHEMA_UP);
  await ensureTopics(kafkaBrokers(), [{ name: topic, partitions: 3 }]);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await admin.disconnect(); // also when the spec failed mid-way: an open connection keeps jest from exiting
  await db.drop();
});

describe('OutboxRelay process killed mid-way', () => {
  it('given relays SIGKILLed while a batch is sent but not marked, when a new one runs, then every event is published, streams in order, and exactly the held rows twice', async () => {
    const events = interleavedEvents(100, 50);
    await insertOutbox(db.pool, topic, events);
    await admin.connect();
    const onBroker = async () => (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);

    // Two crashes, each in the window that makes duplicates: the relay holds its n-th batch
    // acknowledged by the broker and unmarked in the outbox (the test hook), and is killed there.
    const heldRows: string[] = [];
    let killedInWindow = 0;
    for (const holdAfterBatch of [20, 15]) {
      const relay = spawnRelay(holdAfterBatch);
      const held = await relay.held;
      expect(held).toHaveLength(BATCH);
      // The window, seen from outside: the held rows are unmarked, and the broker has every
      // marked row, every earlier duplicate, and the held batch.
      expect(await unpublishedOf(held)).toBe(held.length);
      expect(await onBroker()).toBe((await publishedRows()) + heldRows.length + held.length);
      relay.child.kill('SIGKILL');
      expect((await exited(relay.child)).signal).toBe('SIGKILL');
      killedInWindow++;
      heldRows.push(...held);
    }
    const beforeRestart = await publishedRows();
    expect(beforeRestart).toBeLessThan(5_000); // killed mid-way, not after the end

    const last = spawnRelay();
    await waitFor(async () => (await publishedRows()) === 5_000, { timeoutMs: 60_000, what: 'the last relay to drain the outbox' });
    last.child.kill('SIGTERM');
    expect(await exited(last.child)).toEqual({ code: 0, signal: null }); // graceful stop

    // At least once: every id present; exactly the rows held sent-but-unmarked at a kill appear twice.
    const total = await topicSize(topic);
    const envelopes = envelopesOf(await readTopic(topic, total));
    const ids = new Set(envelopes.map((e) => e.id));
    expect(ids).toEqual(new Set(events.map((e) => e.id)));
    const copies = new Map<string, number>();
    for (const e of envelopes) copies.set(e.id, (copies.get(e.id) ?? 0) + 1);
    const duplicated = [...copies].filter(([, n]) => n > 1);
    expect(duplicated.map(([id]) => id).sort()).toEqual([...heldRows].sort());
    expect(duplicated.every(([, n]) => n === 2)).toBe(true);
    expect(total).toBe(5_000 + heldRows.length);
    // In order per stream: the first occurrences of each stream's events are versions 1..50.
    const seen = new Set<string>();
    const firstOccurrences = envelopes.filter((e) => !seen.has(e.id) && seen.add(e.id));
    const byStream = new Map<string, number[]>();
    for (const e of firstOccurrences) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.version]);
    expect(byStream.size).toBe(100);
    for (const versions of byStream.values()) expect(versions).toEqual(range(1, 50));
    expect(killedInWindow).toBeGreaterThanOrEqual(1);
    process.stderr.write(
      `relay crash: killed ${killedInWindow} times in the sent-but-not-marked window, ${beforeRestart} rows marked before the last restart, ${total - ids.size} duplicates (= the ${heldRows.length} held rows)\n`,
    );
  });
});
