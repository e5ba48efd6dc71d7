import type pg from 'pg';
import { createTestDatabase, waitFor, type TestDatabase } from '@payforward/testing';
import { EVENT_STORE_SCHEMA_UP, OUTBOX_CHANNEL, PostgresEventStore } from './index.js';
import { testTopicFor, thing } from './spec.fixtures.js';

/**
 * The relay's wake-up (ADR 011): an append NOTIFYs only when its outbox slot had nothing
 * pending, since PostgreSQL serialises notifying commits; a rolled-back append never notifies.
 */
let db: TestDatabase;
let listener: pg.PoolClient;
let received = 0;
const barriers = new Set<string>();
/** A channel of the spec's own: its notifications mark how far the listener has read. */
const BARRIER_CHANNEL = 'outbox_notify_spec_barrier';

beforeAll(async () => {
  db = await createTestDatabase('event_store_notify', EVENT_STORE_SCHEMA_UP, 4);
  listener = await db.pool.connect();
  listener.on('notification', (n) => {
    if (n.channel === OUTBOX_CHANNEL) received += 1;
    if (n.channel === BARRIER_CHANNEL) barriers.add(n.payload ?? '');
  });
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  await listener.query(`LISTEN ${BARRIER_CHANNEL}`);
});
afterAll(async () => {
  listener.release();
  await db.drop();
});

const markAllPublished = () => db.pool.query('UPDATE es_outbox SET published_at = now() WHERE published_at IS NULL');
/**
 * Instead of sleeping to see that nothing was notified: PostgreSQL delivers notifications in the
 * order their transactions committed, so once a barrier notified after the append has arrived,
 * any notification of the append would have arrived before it.
 */
let barrierNo = 0;
const settle = async () => {
  const id = `barrier-${++barrierNo}`;
  await db.pool.query('SELECT pg_notify($1, $2)', [BARRIER_CHANNEL, id]);
  await waitFor(() => barriers.has(id), { timeoutMs: 10_000, what: `the notification ${id}` });
};

describe('outbox notifications', () => {
  it('given an empty outbox slot, when events are appended, then one notification arrives; with rows pending, none', async () => {
    const store = new PostgresEventStore(db.pool, { topicFor: testTopicFor });
    received = 0;
    await store.append('notify-1', [thing(1)], 'no_stream');
    await waitFor(async () => received === 1, { timeoutMs: 5_000 });

    // Same stream, so the same slot, whose first row is still unpublished: the relay is busy.
    await store.append('notify-1', [thing(2), thing(3)], 1);
    await settle();
    expect(received).toBe(1);

    await markAllPublished();
    await store.append('notify-1', [thing(4)], 3);
    await waitFor(async () => received === 2, { timeoutMs: 5_000 });
  });

  it('given an append that is rolled back, then nothing is notified', async () => {
    await markAllPublished();
    received = 0;
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await new PostgresEventStore(client, { topicFor: testTopicFor }).append('notify-2', [thing(1)], 'no_stream');
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await settle();
    expect(received).toBe(0);
  });

  it('given an append of internal events only (ADR 012), then it notifies nothing before a sentinel notification sent after it', async () => {
    await markAllPublished();
    const payloads: string[] = [];
    const record = (n: pg.Notification) => n.channel === OUTBOX_CHANNEL && payloads.push(n.payload ?? '');
    listener.on('notification', record);
    try {
      const store = new PostgresEventStore(db.pool, { topicFor: testTopicFor, publishes: (type) => type !== 'Bookkept' });
      await store.append('notify-3', [thing(1, { type: 'Bookkept' }), thing(2, { type: 'Bookkept' })], 'no_stream');
      await store.append('notify-3', [thing(3, { type: 'Bookkept' })], 2);
      // Notifications arrive in commit order, so one from the appends above would come before this one.
      await db.pool.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', 'sentinel')`);
      await waitFor(async () => payloads.includes('sentinel'), { timeoutMs: 5_000 });
      expect(payloads).toEqual(['sentinel']);
    } finally {
      listener.off('notification', record);
    }
  });
});
