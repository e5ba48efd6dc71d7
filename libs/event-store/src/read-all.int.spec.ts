import pg from 'pg';
import { createTestDatabase, pgConfig, waitFor, type TestDatabase } from '@payforward/testing';
import { EVENT_STORE_SCHEMA_UP, PostgresEventStore, START_CHECKPOINT, type StoredEvent } from './index.js';
import { range, testTopicFor, thing } from './spec.fixtures.js';

let db: TestDatabase;
let store: PostgresEventStore;
const clients: pg.Client[] = [];

/** A client of its own, to hold a transaction open while the pool commits later ones. */
async function openClient(): Promise<pg.Client> {
  const client = new pg.Client({ ...pgConfig(), database: db.name });
  await client.connect();
  clients.push(client);
  return client;
}

const byPosition = (a: string, b: string): number => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** Reads everything after `checkpoint` in small pages, as a projection daemon would. */
async function drain(checkpoint: string): Promise<{ events: StoredEvent[]; last: string }> {
  const events: StoredEvent[] = [];
  for (let last = checkpoint; ; ) {
    const page = await store.readAll({ after: last, limit: 7 });
    events.push(...page.events);
    if (page.events.length === 0) return { events, last };
    last = page.last;
  }
}

beforeAll(async () => {
  db = await createTestDatabase('event_store_read_all', EVENT_STORE_SCHEMA_UP, 12);
  store = new PostgresEventStore(db.pool, { topicFor: testTopicFor });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await db.drop();
});

describe('readAll in commit-safe order', () => {
  it('given a transaction in flight holding a lower position, when later ones commit, then the reader waits for it and skips nothing', async () => {
    const before = await drain(START_CHECKPOINT);
    const held = await openClient();
    await held.query('BEGIN');
    const slow = await new PostgresEventStore(held, { topicFor: testTopicFor }).append('gap-slow', [thing(0)], 'no_stream');
    const fast = await Promise.all(range(1, 3).map((n) => store.append(`gap-fast-${n}`, [thing(n)], 'no_stream')));
    const fastPositions = fast.map((r) => r.positions[0]!).sort(byPosition);

    // The gap is real: the later appends are committed and visible, with higher positions.
    const { rows } = await db.pool.query<{ p: string }>('SELECT global_position::text AS p FROM es_events ORDER BY global_position');
    expect(rows.map((r) => r.p).slice(-3)).toEqual(fastPositions);
    expect(BigInt(slow.positions[0]!) < BigInt(fastPositions[0]!)).toBe(true);

    // The reader does not move past the gap while the first transaction is open.
    const during = await drain(before.last);
    expect(during.events).toEqual([]);
    expect(during.last).toBe(before.last);

    await held.query('COMMIT');
    // Transactions in other databases of the same server hold the horizon too: wait for them.
    const after = await waitFor(
      async () => {
        const page = await drain(during.last);
        return page.events.length >= 4 ? page : undefined;
      },
      { what: 'the held and the later events' },
    );
    expect(after.events[0]!.globalPosition).toBe(slow.positions[0]);
    expect(after.events.slice(1).map((e) => e.globalPosition).sort(byPosition)).toEqual(fastPositions);
    expect(after.last).toBe(after.events[3]!.checkpoint);
  });

  it('given concurrent batches in transactions held open for random times, some rolled back, then a checkpointing reader sees every committed event exactly once', async () => {
    const committed: string[] = [];
    const writer = async (w: number): Promise<void> => {
      const client = await openClient();
      const tx = new PostgresEventStore(client, { topicFor: testTopicFor });
      for (let i = 0; i < 12; i++) {
        await client.query('BEGIN');
        const { eventIds } = await tx.append(`race-${w}`, [thing(i), thing(i), thing(i)], 'any');
        await new Promise((r) => setTimeout(r, Math.random() * 12));
        const rollback = i % 5 === 4;
        await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
        if (!rollback) committed.push(...eventIds);
      }
    };
    const start = (await drain(START_CHECKPOINT)).last;
    let writing = true;
    const seen: StoredEvent[] = [];
    const reader = (async () => {
      for (let checkpoint = start; writing || seen.length < committed.length; ) {
        const page = await drain(checkpoint);
        seen.push(...page.events);
        checkpoint = page.last;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await Promise.all(range(1, 6).map(writer));
    writing = false;
    await waitFor(() => seen.length >= committed.length, { what: 'the reader to catch up' });
    await reader;

    expect(seen.map((e) => e.id).sort()).toEqual([...committed].sort());
    // Each stream's events arrive in version order.
    for (let w = 1; w <= 6; w++) {
      const versions = seen.filter((e) => e.streamId === `race-${w}`).map((e) => e.version);
      expect(versions).toEqual(range(1, versions.length));
    }
  }, 120_000);

  it('given a malformed checkpoint, then readAll refuses it rather than reading from somewhere else', async () => {
    await expect(store.readAll({ after: '42' })).rejects.toThrow(/not a readAll checkpoint/);
  });
});
