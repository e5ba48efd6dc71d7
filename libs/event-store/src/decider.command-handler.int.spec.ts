import type { Decider } from '@payforward/ddd';
import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import {
  EVENT_STORE_SCHEMA_UP,
  handleCommand,
  PostgresEventStore,
  WrongExpectedVersionError,
  type StoredEvent,
} from './index.js';
import { metadata, testTopicFor, versionsOf } from './spec.fixtures.js';

// A seat booking: each booking takes one seat; a full room refuses (a domain error).
type Booked = { type: 'SeatBooked'; data: { by: string } };
type Book = { by: string };
type Room = { taken: string[]; capacity: number };
class RoomFull extends Error {}

const room = (capacity: number): Decider<Room, Book, Booked> => ({
  initialState: () => ({ taken: [], capacity }),
  evolve: (state, event) => ({ ...state, taken: [...state.taken, event.data.by] }),
  decide: (command, state) => {
    if (state.taken.length >= state.capacity) throw new RoomFull(`room full, ${command.by} cannot book`);
    return [{ type: 'SeatBooked', data: { by: command.by } }];
  },
});

/**
 * Makes the race certain rather than likely: the first `parties` reads of a stream wait for
 * each other, so every command decides on the same version before any of them appends.
 */
class RacingStore extends PostgresEventStore {
  conflicts = 0;
  private waiting: (() => void)[] = [];

  constructor(db: TestDatabase, private parties: number) {
    super(db.pool, { topicFor: testTopicFor });
  }

  override async readStream(streamId: string): Promise<StoredEvent[]> {
    const events = await super.readStream(streamId);
    if (this.parties > 0) {
      this.parties--;
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        if (this.parties === 0) this.waiting.forEach((release) => release());
      });
    }
    return events;
  }

  override async append(...args: Parameters<PostgresEventStore['append']>) {
    try {
      return await super.append(...args);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) this.conflicts++;
      throw error;
    }
  }
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('event_store_decider', EVENT_STORE_SCHEMA_UP, 8);
});
afterAll(() => db.drop());

describe('handleCommand', () => {
  it('given two concurrent commands that stay valid, when both decide on the same version, then one retries and both succeed', async () => {
    const store = new RacingStore(db, 2);
    const [a, b] = await Promise.all([
      handleCommand(store, 'room-1', room(5), { by: 'ana' }, metadata),
      handleCommand(store, 'room-1', room(5), { by: 'ben' }, metadata),
    ]);

    expect(store.conflicts).toBe(1);
    expect([a.nextExpectedVersion, b.nextExpectedVersion].sort()).toEqual([1, 2]);
    expect(await versionsOf(db.pool, 'room-1')).toEqual([1, 2]);
    const last = a.nextExpectedVersion === 2 ? a : b;
    expect(last.state.taken.sort()).toEqual(['ana', 'ben']);
  });

  it('given two concurrent commands where the retry no longer holds, then the loser gets the domain error and nothing is written', async () => {
    const store = new RacingStore(db, 2);
    const results = await Promise.allSettled([
      handleCommand(store, 'room-2', room(1), { by: 'ana' }, metadata),
      handleCommand(store, 'room-2', room(1), { by: 'ben' }, metadata),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(RoomFull) });
    expect(await versionsOf(db.pool, 'room-2')).toEqual([1]);
  });

  it('given retries exhausted, then the WrongExpectedVersionError is rethrown', async () => {
    const store = new RacingStore(db, 2);
    const results = await Promise.allSettled([
      handleCommand(store, 'room-3', room(5), { by: 'ana' }, metadata, { retries: 0 }),
      handleCommand(store, 'room-3', room(5), { by: 'ben' }, metadata, { retries: 0 }),
    ]);

    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(WrongExpectedVersionError) });
    expect(await versionsOf(db.pool, 'room-3')).toEqual([1]);
  });

  it('given a stream with history, when a command is handled, then it decides on the aggregated state and appends with metadata', async () => {
    const store = new PostgresEventStore(db.pool, { topicFor: testTopicFor });
    await handleCommand(store, 'room-4', room(2), { by: 'ana' }, metadata);
    const result = await handleCommand(store, 'room-4', room(2), { by: 'ben' }, { ...metadata, causationId: 'cmd-2' });

    expect(result).toEqual({
      events: [{ type: 'SeatBooked', data: { by: 'ben' } }],
      state: { taken: ['ana', 'ben'], capacity: 2 },
      nextExpectedVersion: 2,
    });
    expect((await store.readStream('room-4'))[1]!.metadata).toEqual({ ...metadata, causationId: 'cmd-2' });
    await expect(handleCommand(store, 'room-4', room(2), { by: 'cy' }, metadata)).rejects.toBeInstanceOf(RoomFull);
  });
});
