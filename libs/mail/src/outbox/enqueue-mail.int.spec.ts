import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import { enqueueMail, mailOutboxCounts } from './enqueue-mail.js';
import { MAIL_OUTBOX_SCHEMA_UP } from './mail-outbox.schema.js';
import type { OutgoingMail } from './mail.types.js';

/** enqueueMail inside the caller's transaction, on real PostgreSQL. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('mail_enqueue', MAIL_OUTBOX_SCHEMA_UP, 4);
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE mail_outbox');
});

const mail = (key: string): OutgoingMail => ({ dedupeKey: key, from: 'noreply@payforward.test', to: ['ada@example.org'], subject: 'Hi', html: '<p>Hi</p>' });

describe('enqueueMail', () => {
  it('given a transaction that rolls back, when a mail was enqueued in it, then the outbox holds nothing', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      expect((await enqueueMail(client, mail('rolled-back'))).enqueued).toBe(true);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await mailOutboxCounts(db.pool)).toEqual({ pending: 0, sent: 0, failed: 0, retrying: 0 });
  });

  it('given two transactions enqueueing one dedupe key at once, when both commit, then one row exists and both got its ids', async () => {
    const [a, b] = [await db.pool.connect(), await db.pool.connect()];
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      const first = await enqueueMail(a, mail('raced'));
      // b's insert waits on a's uncommitted row; a's commit lets it see the row and write nothing.
      const second = enqueueMail(b, mail('raced'));
      await a.query('COMMIT');
      const resolved = await second;
      await b.query('COMMIT');
      expect(first.enqueued).toBe(true);
      expect(resolved).toEqual({ id: first.id, messageId: first.messageId, enqueued: false });
    } finally {
      a.release();
      b.release();
    }
    const { rows } = await db.pool.query('SELECT dedupe_key, status, mail_to FROM mail_outbox');
    expect(rows).toEqual([{ dedupe_key: 'raced', status: 'pending', mail_to: ['ada@example.org'] }]);
  });

  it('given an invalid mail, when enqueued, then it is refused before anything is written', async () => {
    await expect(enqueueMail(db.pool, { ...mail('bad'), to: [] })).rejects.toThrow(/no recipient/);
    expect((await mailOutboxCounts(db.pool)).pending).toBe(0);
  });
});
