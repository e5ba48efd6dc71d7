import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import {
  DuplicateEventIdError,
  EVENT_STORE_SCHEMA_UP,
  PostgresEventStore,
  slotFor,
  WrongExpectedVersionError,
  type ExpectedVersion,
} from './index.js';
import { countRows, metadata, range, TEST_TOPIC, testTopicFor, thing, versionsOf } from './spec.fixtures.js';

let db: TestDatabase;
let store: PostgresEventStore;
let streamNo = 0;
const newStream = (): string => `thing-${++streamNo}`;

beforeAll(async () => {
  db = await createTestDatabase('event_store', EVENT_STORE_SCHEMA_UP, 32);
  store = new PostgresEventStore(db.pool, { topicFor: testTopicFor, clock: () => new Date('2026-11-25T10:00:00.000Z') });
});
afterAll(() => db.drop());

describe('append and read', () => {
  it('given two appends, when the stream is read, then it holds full envelopes with contiguous versions', async () => {
    const s = newStream();
    const first = await store.append(s, [thing(1), thing(2)], 'no_stream');
    const second = await store.append(s, [thing(3, { occurredAt: new Date('2026-01-02T03:04:05.678Z') })], first.nextExpectedVersion);

    expect(first).toMatchObject({ nextExpectedVersion: 2, idempotentReplay: false });
    expect(second.nextExpectedVersion).toBe(3);
    const events = await store.readStream(s);
    expect(events.map((e) => [e.version, e.data.n, e.globalPosition])).toEqual([
      [1, 1, first.positions[0]],
      [2, 2, first.positions[1]],
      [3, 3, second.positions[0]],
    ]);
    expect(events[0]).toEqual({
      id: first.eventIds[0],
      type: 'ThingHappened',
      streamId: s,
      version: 1,
      occurredAt: '2026-11-25T10:00:00.000Z',
      schemaVersion: 1,
      metadata,
      data: { n: 1, note: 'thing 1' },
      globalPosition: first.positions[0],
      checkpoint: expect.stringMatching(new RegExp(`^\\d+:${first.positions[0]}$`)),
    });
    expect(events[2]!.occurredAt).toBe('2026-01-02T03:04:05.678Z');
    expect(events[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // UUIDv7
    expect((await store.readStream(s, { fromVersion: 3 })).map((e) => e.version)).toEqual([3]);
    expect(await store.streamVersion(s)).toBe(3);
  });

  it('given a single and a batch append, when the outbox rows are read, then each holds the full envelope, topic and slot', async () => {
    const s = newStream();
    await store.append(s, [thing(1, { occurredAt: new Date('2026-01-02T03:04:05.678Z') })], 'no_stream');
    await store.append(s, [thing(2), thing(3)], 1);
    const events = await store.readStream(s);
    const { rows } = await db.pool.query('SELECT event_id, stream_id, topic, slot, payload, tx_id::text, published_at FROM es_outbox WHERE stream_id = $1 ORDER BY position', [s]);
    const { rows: eventRows } = await db.pool.query('SELECT tx_id::text FROM es_events WHERE stream_id = $1 ORDER BY version', [s]);

    expect(rows.map((r) => r.payload)).toEqual(events.map(({ globalPosition: _p, checkpoint: _c, ...envelope }) => envelope));
    expect(rows.map((r) => [r.event_id, r.stream_id, r.topic, r.slot, r.published_at])).toEqual(
      events.map((e) => [e.id, s, TEST_TOPIC, slotFor(s), null]),
    );
    expect(rows[0].payload.occurredAt).toBe('2026-01-02T03:04:05.678Z');
    // Same transaction as the events: one tx id per append, shared by its event and outbox rows.
    expect(new Set([...rows, ...eventRows].map((r) => r.tx_id)).size).toBe(2);
    expect(new Set([...rows.slice(1), ...eventRows.slice(1)].map((r) => r.tx_id)).size).toBe(1);
  });

  it('given an event type with a contract, when no topicFor is set, then the outbox uses the contract topic', async () => {
    const contractStore = new PostgresEventStore(db.pool);
    const s = newStream();
    await contractStore.append(s, [{ type: 'MemberRegistered', data: { memberId: 'x' }, metadata }], 'no_stream');
    const { rows } = await db.pool.query('SELECT topic FROM es_outbox WHERE stream_id = $1', [s]);
    expect(rows).toEqual([{ topic: 'identity.member.v1' }]);
    await expect(contractStore.append(newStream(), [thing(1)], 'any')).rejects.toThrow(/no contract/);
  });

  it('given internal events (ADR 012), when appended alone or among integration events, then they are stored and read back but get no outbox row', async () => {
    const contractStore = new PostgresEventStore(db.pool);
    const single = newStream();
    const batch = newStream();
    const slot = { type: 'PendingSlotTaken', data: { n: 1 }, metadata };
    await contractStore.append(single, [{ type: 'CapacityReserved', data: { n: 1 }, metadata }], 'no_stream');
    const { eventIds } = await contractStore.append(batch, [slot, { type: 'OfferPaused', data: { n: 2 }, metadata }, { ...slot, type: 'PendingSlotFreed' }], 'no_stream');

    expect(await countRows(db.pool, single)).toEqual({ events: 1, outbox: 0 });
    expect(await countRows(db.pool, batch)).toEqual({ events: 3, outbox: 1 });
    expect((await contractStore.readStream(batch)).map((e) => [e.version, e.type])).toEqual([[1, 'PendingSlotTaken'], [2, 'OfferPaused'], [3, 'PendingSlotFreed']]);
    const { rows } = await db.pool.query('SELECT event_id, topic, payload FROM es_outbox WHERE stream_id = $1', [batch]);
    expect(rows.map((r) => [r.event_id, r.topic, r.payload.type, r.payload.version])).toEqual([[eventIds[1], 'marketplace.offer.v1', 'OfferPaused', 2]]);
  });
});

// The races get a generous bound of their own: their retry work grows with contention, not with correctness.
describe('optimistic concurrency', () => {
  it('given 64 concurrent appends expecting the same version, then exactly one succeeds and 63 get the typed conflict', async () => {
    const s = newStream();
    await store.append(s, [thing(0)], 'no_stream');
    const results = await Promise.allSettled(range(1, 64).map((n) => store.append(s, [thing(n)], 1)));

    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(63);
    for (const error of failed) {
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: s, expected: 1, actual: 2 });
    }
    expect(await versionsOf(db.pool, s)).toEqual([1, 2]);
    expect(await countRows(db.pool, s)).toEqual({ events: 2, outbox: 2 });
  }, 120_000);

  it('given 64 writers each appending at the version it last saw, when they race to the end, then versions stay contiguous', async () => {
    const s = newStream();
    let conflicts = 0;
    const writer = async (w: number): Promise<void> => {
      for (let done = false; !done; ) {
        try {
          await store.append(s, [thing(w)], await store.streamVersion(s));
          done = true;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          conflicts++;
        }
      }
    };
    await Promise.all(range(1, 64).map(writer));

    expect(conflicts).toBeGreaterThan(0);
    expect(await versionsOf(db.pool, s)).toEqual(range(1, 64));
    expect(await countRows(db.pool, s)).toEqual({ events: 64, outbox: 64 });
  }, 120_000);

  it('given 32 concurrent appends expecting "any", then all succeed with contiguous versions', async () => {
    const s = newStream();
    const results = await Promise.all(range(1, 32).map((n) => store.append(s, [thing(n), thing(n)], 'any')));
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual(range(1, 32).map((n) => n * 2));
    expect(await versionsOf(db.pool, s)).toEqual(range(1, 64));
  }, 120_000);
});

describe('each expectation, accepted or refused', () => {
  // [expected, events already in the stream, accepted?]
  const cases: [ExpectedVersion, number, boolean][] = [
    ['no_stream', 0, true],
    ['no_stream', 2, false],
    [0, 0, true],
    [0, 2, false],
    [2, 2, true],
    [1, 2, false],
    [3, 2, false],
    [1, 0, false],
    ['stream_exists', 0, false],
    ['stream_exists', 2, true],
    ['any', 0, true],
    ['any', 2, true],
  ];

  it.each(cases)('given expected %p on a stream of %p events, then accepted = %p', async (expected, existing, accepted) => {
    const s = newStream();
    if (existing > 0) await store.append(s, range(1, existing).map((n) => thing(n)), 'no_stream');
    const before = await countRows(db.pool);
    const attempt = store.append(s, [thing(99)], expected);

    if (accepted) {
      await expect(attempt).resolves.toMatchObject({ nextExpectedVersion: existing + 1 });
      expect(await countRows(db.pool)).toEqual({ events: before.events + 1, outbox: before.outbox + 1 });
    } else {
      await expect(attempt).rejects.toEqual(new WrongExpectedVersionError(s, expected, existing));
      await expect(attempt).rejects.toMatchObject({ streamId: s, expected, actual: existing });
      expect(await countRows(db.pool)).toEqual(before);
    }
  });

  it('given an empty append, then the expectation is still checked and nothing is written', async () => {
    const s = newStream();
    await store.append(s, [thing(1)], 'no_stream');
    await expect(store.append(s, [], 1)).resolves.toMatchObject({ nextExpectedVersion: 1, positions: [] });
    await expect(store.append(s, [], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('given a negative or fractional expected version, then it is refused before reaching the database', async () => {
    await expect(store.append(newStream(), [thing(1)], -1)).rejects.toBeInstanceOf(RangeError);
    await expect(store.append(newStream(), [thing(1)], 1.5)).rejects.toBeInstanceOf(RangeError);
  });
});
