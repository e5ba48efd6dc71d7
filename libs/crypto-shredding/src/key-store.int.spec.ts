import { randomBytes, randomUUID } from 'node:crypto';
import { ERASED_MEMBER_NAME, ERASED_TEXT } from '@payforward/contracts';
import { createTestDatabase, pgConfig, type TestDatabase } from '@payforward/testing';
import { DataKeys, ErasedMemberError } from './data-keys.js';
import { KEYS_TABLE, PostgresKeyStore } from './key-store.js';
import { MasterKey } from './master-key.js';
import { PersonalDataCodec, type EventLike } from './personal-data.codec.js';

/**
 * The key table on a real PostgreSQL: several "service processes" (each its own store, pool
 * and cache) racing on a member's first write, and erasure as every process then sees it.
 */
let db: TestDatabase;
const master = MasterKey.parse(randomBytes(32).toString('base64'));
const stores: PostgresKeyStore[] = [];

const process = (ttlMs = 60_000) => {
  const store = new PostgresKeyStore({ ...pgConfig(), database: db.name });
  stores.push(store);
  const keys = new DataKeys(store, master, { ttlMs });
  return { store, keys, codec: new PersonalDataCodec(keys) };
};

beforeAll(async () => {
  db = await createTestDatabase('keys', undefined, 2);
});

// Each test's "processes" hold up to 4 connections each: closed after the test, so the suite's
// other specs running beside this one never find the server out of connections.
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await db?.drop();
});

const registration = (memberId: string, displayName: string) => ({
  type: 'MemberRegistered',
  data: { memberId, email: `${displayName.toLowerCase()}@example.com`, displayName, headline: 'Staff engineer', timezone: 'UTC', roles: ['MEMBER'] },
});

describe('key store on PostgreSQL', () => {
  it('given 8 processes making 200 concurrent first writes for a new member, then exactly one key exists and every writer sealed with it', async () => {
    const processes = Array.from({ length: 8 }, () => process());
    const memberId = randomUUID();
    const sealed = await Promise.all(
      Array.from({ length: 200 }, (_, i) => processes[i % processes.length]!.codec.sealEvent(registration(memberId, `Dana${i}`))),
    );
    const rows = await db.pool.query(`SELECT member_id, wrapped_key, master_key_id FROM ${KEYS_TABLE} WHERE member_id = $1`, [memberId]);
    expect(rows.rowCount).toBe(1);
    expect(rows.rows[0].master_key_id).toBe(master.id);
    // Whoever sealed, any process (here a fresh one, with nothing cached) opens every value with the one stored key.
    const reader = process().codec;
    const opened = await reader.unsealEvents(sealed);
    expect(opened.map((e) => e.data.displayName)).toEqual(sealed.map((_, i) => `Dana${i}`));
  }, 120_000);

  it('given a stored key, then the table holds it wrapped: the data key bytes appear nowhere in it', async () => {
    const { keys } = process();
    const memberId = randomUUID();
    const dataKey = await keys.forWriting(memberId);
    const { rows } = await db.pool.query(`SELECT wrapped_key FROM ${KEYS_TABLE} WHERE member_id = $1`, [memberId]);
    expect(Buffer.isBuffer(rows[0].wrapped_key)).toBe(true);
    expect((rows[0].wrapped_key as Buffer).includes(dataKey)).toBe(false);
  });

  it('given an erased member, then every process reads placeholders once it forgets (or its cache expires), and no write can make a new key', async () => {
    const writer = process();
    const cachedElsewhere = process();
    const neverCached = process();
    const memberId = randomUUID();
    const other = randomUUID();
    const events = await writer.codec.sealEvents<EventLike>([
      registration(memberId, 'Zephyrine'),
      { type: 'HelpRequestSubmitted', data: { mentorId: other, seekerId: memberId, message: 'Zephyrine asks for help with a long enough message.', goal: 'a new job' } },
      { type: 'FeedbackLeft', data: { mentorId: other, seekerId: memberId, side: 'MENTOR', note: 'Good session' } },
    ]);
    expect((await cachedElsewhere.codec.unsealEvent(events[0]!)).data.displayName).toBe('Zephyrine');

    await writer.keys.erase(memberId);
    const { rows } = await db.pool.query(`SELECT wrapped_key, master_key_id, erased_at FROM ${KEYS_TABLE} WHERE member_id = $1`, [memberId]);
    expect(rows).toEqual([{ wrapped_key: null, master_key_id: null, erased_at: expect.any(Date) }]);

    for (const reader of [writer.codec, neverCached.codec]) {
      const [reg, request, feedback] = await reader.unsealEvents(events);
      expect(reg!.data).toMatchObject({ displayName: ERASED_MEMBER_NAME, email: ERASED_TEXT, headline: null, memberId });
      expect(request!.data).toMatchObject({ message: ERASED_TEXT, goal: ERASED_TEXT });
      expect(feedback!.data.note).toBe('Good session'); // the other member's words stay theirs
    }
    cachedElsewhere.keys.forget(memberId); // what its MemberErased consumer does
    expect((await cachedElsewhere.codec.unsealEvent(events[0]!)).data.displayName).toBe(ERASED_MEMBER_NAME);

    await expect(neverCached.keys.forWriting(memberId)).rejects.toBeInstanceOf(ErasedMemberError);
    await expect(process().codec.sealEvent(registration(memberId, 'Again'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM ${KEYS_TABLE} WHERE member_id = $1`, [memberId])).rows[0].n).toBe(1);
  });

  it('given erasure racing first writes, then afterwards the member has a tombstone and no key, whatever the order', async () => {
    const racers = Array.from({ length: 4 }, () => process(0));
    const memberId = randomUUID();
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => racers[i % 4]!.keys.forWriting(memberId)),
      racers[0]!.keys.erase(memberId),
      ...Array.from({ length: 20 }, (_, i) => racers[i % 4]!.keys.forWriting(memberId)),
    ]);
    expect(outcomes.filter((o) => o.status === 'rejected' && !(o.reason instanceof ErasedMemberError))).toEqual([]);
    const { rows } = await db.pool.query(`SELECT wrapped_key FROM ${KEYS_TABLE} WHERE member_id = $1`, [memberId]);
    expect(rows).toEqual([{ wrapped_key: null }]);
    await expect(process().keys.forWriting(memberId)).rejects.toBeInstanceOf(ErasedMemberError);
  }, 120_000);
});
