import { v7 as uuidv7 } from 'uuid';
import { createTestDatabase, waitFor, type TestDatabase } from '@payforward/testing';
import { DuplicateEventIdError, EVENT_STORE_SCHEMA_UP, PostgresEventStore, WrongExpectedVersionError } from './index.js';
import { countRows, range, testTopicFor, thing } from './spec.fixtures.js';

let db: TestDatabase;
let store: PostgresEventStore;
let streamNo = 0;
const newStream = (): string => `dup-${++streamNo}`;

beforeAll(async () => {
  db = await createTestDatabase('event_store_idem', EVENT_STORE_SCHEMA_UP, 16);
  store = new PostgresEventStore(db.pool, { topicFor: testTopicFor });
});
afterAll(() => db.drop());

describe('duplicate event ids', () => {
  it('given an append retried with the same ids and expected version, then it succeeds once stored and writes no new rows', async () => {
    const s = newStream();
    const events = [thing(1, { id: uuidv7() }), thing(2, { id: uuidv7() })];
    const first = await store.append(s, events, 'no_stream');
    const retry = await store.append(s, events, 'no_stream');

    expect(retry).toEqual({ ...first, idempotentReplay: true });
    expect(await countRows(db.pool, s)).toEqual({ events: 2, outbox: 2 });
  });

  it('given a replay after the stream moved on, then it still succeeds with the original versions, whatever the expectation', async () => {
    const s = newStream();
    const events = [thing(1, { id: uuidv7() })];
    const first = await store.append(s, events, 'no_stream');
    await store.append(s, [thing(2)], 1);

    for (const expected of ['no_stream', 'any', 'stream_exists', 0, 1, 2] as const) {
      await expect(store.append(s, events, expected)).resolves.toMatchObject({
        nextExpectedVersion: 1,
        positions: first.positions,
        idempotentReplay: true,
      });
    }
    expect(await countRows(db.pool, s)).toEqual({ events: 2, outbox: 2 });
  });

  it('given 16 concurrent appends of the same event, then it is stored once and every caller gets success', async () => {
    const s = newStream();
    const event = thing(1, { id: uuidv7() });
    const results = await Promise.all(range(1, 16).map(() => store.append(s, [event], 'any')));

    expect(results.filter((r) => !r.idempotentReplay)).toHaveLength(1);
    expect(new Set(results.map((r) => r.positions[0])).size).toBe(1);
    expect(await countRows(db.pool, s)).toEqual({ events: 1, outbox: 1 });
  }, 120_000);

  it('given an id in upper case, when replayed in lower case, then it is recognised as the same event', async () => {
    const s = newStream();
    const id = uuidv7();
    await store.append(s, [thing(1, { id: id.toUpperCase() })], 'no_stream');
    await expect(store.append(s, [thing(1, { id })], 'no_stream')).resolves.toMatchObject({ idempotentReplay: true });
    expect(await countRows(db.pool, s)).toEqual({ events: 1, outbox: 1 });
  });

  it('given a batch where only some ids are stored, then nothing is written and the duplicates are named', async () => {
    const s = newStream();
    const stored = thing(1, { id: uuidv7() });
    await store.append(s, [stored], 'no_stream');
    const attempt = store.append(s, [stored, thing(2, { id: uuidv7() })], 'any');

    await expect(attempt).rejects.toBeInstanceOf(DuplicateEventIdError);
    await expect(attempt).rejects.toMatchObject({ duplicateIds: [stored.id] });
    expect(await countRows(db.pool, s)).toEqual({ events: 1, outbox: 1 });
  });

  it('given a stored id, when appended to another stream, then it is refused rather than stored twice', async () => {
    const event = thing(1, { id: uuidv7() });
    const [a, b] = [newStream(), newStream()];
    await store.append(a, [event], 'no_stream');

    await expect(store.append(b, [event], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await countRows(db.pool, b)).toEqual({ events: 0, outbox: 0 });
  });

  it('given a stale expected version and new ids, then the conflict is still a WrongExpectedVersionError', async () => {
    const s = newStream();
    await store.append(s, [thing(1, { id: uuidv7() })], 'no_stream');
    await expect(store.append(s, [thing(2, { id: uuidv7() })], 0)).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });
});

describe('upcasting on read', () => {
  it('given events stored at schema v1, when read with upcasters, then readers see v3 data', async () => {
    const s = newStream();
    await store.append(s, [{ ...thing(1), data: { name: 'Dana Smith' }, schemaVersion: 1 }], 'no_stream');
    await store.append(s, [{ ...thing(2), data: { firstName: 'Lee', lastName: 'Ng', headline: 'SRE' }, schemaVersion: 3 }], 1);
    const upcasting = new PostgresEventStore(db.pool, {
      topicFor: testTopicFor,
      upcasters: {
        ThingHappened: {
          1: ({ name, ...rest }) => ({ ...rest, firstName: String(name).split(' ')[0], lastName: String(name).split(' ')[1] }),
          2: (data) => ({ ...data, headline: null }),
        },
      },
    });

    const expected = [
      { schemaVersion: 3, data: { firstName: 'Dana', lastName: 'Smith', headline: null } },
      { schemaVersion: 3, data: { firstName: 'Lee', lastName: 'Ng', headline: 'SRE' } },
    ];
    expect((await upcasting.readStream(s)).map(({ schemaVersion, data }) => ({ schemaVersion, data }))).toEqual(expected);
    // readAll's horizon is server-wide: transactions of other test databases may hold it briefly.
    const all = await waitFor(async () => {
      const mine = (await upcasting.readAll({ limit: 10_000 })).events.filter((e) => e.streamId === s);
      return mine.length === 2 ? mine : undefined;
    });
    expect(all.map(({ schemaVersion, data }) => ({ schemaVersion, data }))).toEqual(expected);
    // The stored row keeps its original version: upcasting is a read concern.
    expect((await store.readStream(s))[0]).toMatchObject({ schemaVersion: 1, data: { name: 'Dana Smith' } });
  });
});
