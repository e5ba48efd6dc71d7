import { createTestDatabase, waitFor, type TestDatabase } from '@payforward/testing';
import { EVENT_STORE_SCHEMA_UP, PostgresEventStore, type EventPayloadCodec } from './index.js';
import { testTopicFor, thing } from './spec.fixtures.js';

/**
 * The store's codec (ADR 010: personal data sealed on append, opened on read): what is written
 * to the event rows and the outbox is the encoded data; every read gives back the decoded data.
 */
let db: TestDatabase;

// A stand-in for the crypto-shredding codec: reversible, and visibly different at rest.
const reverse = (text: unknown) => String(text).split('').reverse().join('');
const codec: EventPayloadCodec = {
  encode: async (events) => events.map((e) => ({ ...e, data: { ...e.data, note: `enc:${reverse(e.data.note)}` } })),
  decode: async (events) => events.map((e) => ({ ...e, data: { ...e.data, note: reverse(String(e.data.note).slice(4)) } })),
};

beforeAll(async () => {
  db = await createTestDatabase('event_store_codec', EVENT_STORE_SCHEMA_UP, 4);
});
afterAll(() => db.drop());

describe('event payload codec', () => {
  it.each([1, 3])('given %i event(s) appended through a codec, then rows and outbox hold the encoded data and reads decode it', async (n) => {
    const store = new PostgresEventStore(db.pool, { topicFor: testTopicFor, codec });
    const streamId = `codec-${n}`;
    const events = Array.from({ length: n }, (_, i) => thing(i + 1));
    await store.append(streamId, events, 'no_stream');
    expect(events[0]!.data.note).toBe('thing 1'); // the caller's events are not changed

    const rows = await db.pool.query('SELECT e.data, o.payload FROM es_events e JOIN es_outbox o USING (event_id) WHERE e.stream_id = $1 ORDER BY e.version', [streamId]);
    expect(rows.rows.map((r) => [r.data.note, r.payload.data.note])).toEqual(events.map((_, i) => [`enc:${reverse(`thing ${i + 1}`)}`, `enc:${reverse(`thing ${i + 1}`)}`]));
    expect((await store.readStream(streamId)).map((e) => e.data.note)).toEqual(events.map((_, i) => `thing ${i + 1}`));
    // readAll is commit-safe (ADR 002): a transaction in flight anywhere on the server holds it back, so wait for the events.
    const all = await waitFor(async () => {
      const notes = (await store.readAll()).events.filter((e) => e.streamId === streamId).map((e) => e.data.note);
      return notes.length === n && notes;
    });
    expect(all).toEqual(events.map((_, i) => `thing ${i + 1}`));
    // A store without the codec reads what is at rest.
    expect((await new PostgresEventStore(db.pool).readStream(streamId))[0]!.data.note).toMatch(/^enc:/);
  });
});
