import type { Decider } from '@payforward/ddd';
import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import {
  CommandSessions,
  EVENT_STORE_SCHEMA_UP,
  PostgresEventStore,
  WriteConflictError,
  WrongExpectedVersionError,
  type CommandSession,
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
 * Makes the race certain rather than likely: the first `parties` loads of a stream wait for
 * each other, so every command decides on the same version before any of them appends.
 * Counts the version conflicts the appends hit.
 */
class Race {
  conflicts = 0;
  attempts = 0;
  private waiting: (() => void)[] = [];

  constructor(private parties: number) {}

  book(sessions: CommandSessions, streamId: string, decider: Decider<Room, Book, Booked>, command: Book) {
    return sessions.run(metadata, async (s: CommandSession) => {
      this.attempts++;
      const { state, version } = await s.load(streamId, decider);
      if (this.parties > 0) {
        this.parties--;
        await new Promise<void>((resolve) => {
          this.waiting.push(resolve);
          if (this.parties === 0) this.waiting.forEach((release) => release());
        });
      }
      const events = decider.decide(command, state);
      try {
        const { nextExpectedVersion } = await s.append(streamId, version, events);
        return { state: events.reduce(decider.evolve, state), nextExpectedVersion };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) this.conflicts++;
        throw error;
      }
    });
  }
}

let db: TestDatabase;
let sessions: CommandSessions;
beforeAll(async () => {
  db = await createTestDatabase('event_store_sessions', EVENT_STORE_SCHEMA_UP, 8);
  sessions = new CommandSessions(db.pool, { store: { topicFor: testTopicFor } });
});
afterAll(() => db.drop());

describe('CommandSessions', () => {
  it('given two concurrent commands that stay valid, when both decide on the same version, then one retries and both succeed', async () => {
    const race = new Race(2);
    const [a, b] = await Promise.all([race.book(sessions, 'room-1', room(5), { by: 'ana' }), race.book(sessions, 'room-1', room(5), { by: 'ben' })]);

    expect(race.conflicts).toBe(1);
    expect(race.attempts).toBe(3);
    expect([a.nextExpectedVersion, b.nextExpectedVersion].sort()).toEqual([1, 2]);
    expect(await versionsOf(db.pool, 'room-1')).toEqual([1, 2]);
    const last = a.nextExpectedVersion === 2 ? a : b;
    expect(last.state.taken.sort()).toEqual(['ana', 'ben']);
  });

  it('given two concurrent commands where the retry no longer holds, then the loser gets the domain error and nothing is written', async () => {
    const race = new Race(2);
    const results = await Promise.allSettled([race.book(sessions, 'room-2', room(1), { by: 'ana' }), race.book(sessions, 'room-2', room(1), { by: 'ben' })]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(RoomFull) });
    expect(await versionsOf(db.pool, 'room-2')).toEqual([1]);
  });

  it('given retries exhausted, then the one conflict error (CONFLICT) is thrown, carrying the WrongExpectedVersionError', async () => {
    const race = new Race(2);
    const once = new CommandSessions(db.pool, { store: { topicFor: testTopicFor }, retry: { maxAttempts: 1, maxElapsedMs: 20_000, baseDelayMs: 2, maxDelayMs: 100 } });
    const results = await Promise.allSettled([race.book(once, 'room-3', room(5), { by: 'ana' }), race.book(once, 'room-3', room(5), { by: 'ben' })]);

    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
    expect(rejected?.reason).toBeInstanceOf(WriteConflictError);
    expect(rejected?.reason).toMatchObject({ code: 'CONFLICT', message: 'Too many changes to this at once; please try again.' });
    expect((rejected?.reason as WriteConflictError).cause).toBeInstanceOf(WrongExpectedVersionError);
    expect(await versionsOf(db.pool, 'room-3')).toEqual([1]);
  });

  it('given a stream with history, when a command is executed, then it decides on the aggregated state and appends with metadata', async () => {
    await sessions.run(metadata, (s) => s.execute('room-4', room(2), { by: 'ana' }));
    const result = await sessions.run({ ...metadata, causationId: 'cmd-2' }, (s) => s.execute('room-4', room(2), { by: 'ben' }));

    expect(result).toEqual({
      events: [{ type: 'SeatBooked', data: { by: 'ben' } }],
      state: { taken: ['ana', 'ben'], capacity: 2 },
      nextExpectedVersion: 2,
      eventIds: [expect.any(String)],
    });
    const stored = await new PostgresEventStore(db.pool).readStream('room-4');
    expect(stored[1]!.metadata).toEqual({ ...metadata, causationId: 'cmd-2' });
    expect(stored[1]!.id).toBe(result.eventIds[0]);
    await expect(sessions.run(metadata, (s) => s.execute('room-4', room(2), { by: 'cy' }))).rejects.toBeInstanceOf(RoomFull);
  });

  it('given an inline projector, notifications and after-commit hooks, then a refused attempt leaves none of them and a committed one all', async () => {
    await db.pool.query('CREATE TABLE IF NOT EXISTS seats (stream_id text, version int, by text)');
    const committed: string[] = [];
    const projecting = new CommandSessions(db.pool, {
      store: { topicFor: testTopicFor },
      projector: async (s, event, meta) => {
        await s.tx.query('INSERT INTO seats VALUES ($1, $2, $3)', [meta.streamId, meta.version, (event.data as { by: string }).by]);
        s.notify('seats', meta.streamId);
      },
    });
    const listener = await db.pool.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query('LISTEN seats');
    try {
      const book = (by: string) =>
        projecting.run(metadata, async (s) => {
          s.afterCommit(() => committed.push(by));
          return s.execute('room-5', room(1), { by });
        });
      await book('ana');
      await expect(book('ben')).rejects.toBeInstanceOf(RoomFull);
      // A marker sent after both: once it arrives, any notification of the two commands has arrived before it.
      await db.pool.query("SELECT pg_notify('seats', 'marker')");
      const deadline = Date.now() + 10_000;
      while (!heard.includes('marker') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));

      expect((await db.pool.query('SELECT stream_id, version, by FROM seats')).rows).toEqual([{ stream_id: 'room-5', version: 1, by: 'ana' }]);
      expect(heard).toEqual(['room-5', 'marker']);
      expect(committed).toEqual(['ana']);
    } finally {
      listener.release();
    }
  });
});
