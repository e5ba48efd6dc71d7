import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { ERASED_MEMBER_NAME, ERASED_TEXT, memberStreamId, type EventEnvelope } from '@payforward/contracts';
import { inTransaction, PersonalDataCodec } from '@payforward/platform';
import { waitFor } from '@payforward/testing';
import { projectIdentityEvent } from './members/identity-events.consumer.js';
import { ALWAYS_AVAILABLE, GOAL, OPS, offerInput, startMarketplace, type SpecMarketplace } from './marketplace.spec.fixtures.js';

/**
 * Erasure in the marketplace (ADR 010): what members write is sealed with their key in the
 * event store and the outbox; once their key is erased and MemberErased consumed, the read
 * models hold placeholders, the write side replays placeholders, and nothing new can involve them.
 */
jest.setTimeout(90_000);

const NAME = 'Zebulon Quaritch';
const ATTEST = 'mutation($id: ID!, $c: String!) { attestWorkedTogether(memberId: $id, context: $c) { workedTogether } }';
let m: SpecMarketplace;
let zed: { id: string; token: string };
let maya: { id: string; token: string };
let mayasRequest: string;
let zedsOffer: string;
let zedsRequest: string;

/** Rows of every table whose text (any column, as PostgreSQL prints the row) contains `needle`. */
async function tablesContaining(needle: string): Promise<string[]> {
  const tables = (await m.db.pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename as string);
  const hits: string[] = [];
  for (const table of tables) {
    const { rows } = await m.db.pool.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE strpos(lower(t::text), lower($1)) > 0`, [needle]);
    if (rows[0].n > 0) hits.push(`${table}: ${rows[0].n}`);
  }
  return hits;
}

const erased = (memberId: string): EventEnvelope => ({
  id: uuidv7(),
  type: 'MemberErased',
  streamId: memberStreamId(memberId),
  version: 2,
  occurredAt: m.clock.now().toISOString(),
  schemaVersion: 1,
  metadata: { actor: memberId, correlationId: 'spec', causationId: null },
  data: { memberId, erasedBy: 'SELF', adminId: null, reason: null, erasedAt: m.clock.now().toISOString() },
});

beforeAll(async () => {
  m = await startMarketplace('erasure');
  zed = await m.member(NAME);
  maya = await m.member('Maya');
  await m.ok(OPS.availability, { input: ALWAYS_AVAILABLE }, maya.token);
  await m.ok(OPS.availability, { input: ALWAYS_AVAILABLE }, zed.token);
  const mayasOffer = (await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, maya.token)).publishOffer.id;
  zedsOffer = (await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW', { title: `${NAME} reviews CVs`, description: `${NAME} spent ten years hiring backend engineers.` }) }, zed.token)).publishOffer.id;

  const message = `Hello, ${NAME} here: moving from QA into backend engineering and hoping for a frank review.`;
  zedsRequest = (await m.ok(OPS.request, { input: { offerId: mayasOffer, message, goal: `${NAME}: a CV that gets interviews` } }, zed.token)).requestHelp.id;
  await m.ok(OPS.accept, { id: zedsRequest, at: null }, maya.token);
  await m.ok(OPS.complete, { id: zedsRequest }, maya.token);
  await m.ok(OPS.feedback, { id: zedsRequest, rating: 5, note: `Thank you, from ${NAME}` }, zed.token);
  await m.ok(OPS.feedback, { id: zedsRequest, rating: 5, note: 'Well prepared seeker' }, maya.token);

  mayasRequest = (await m.ok(OPS.request, { input: { offerId: zedsOffer, message: 'I would love your eyes on my CV for platform roles; I can share it ahead.', goal: GOAL } }, maya.token)).requestHelp.id;
  await m.ok(OPS.decline, { id: mayasRequest, reason: 'OTHER', note: `${NAME} is away this month` }, zed.token);
  await m.ok(ATTEST, { id: maya.id, c: `${NAME} and Maya shipped the billing rewrite` }, zed.token);
}, 90_000);

afterAll(async () => {
  await m?.close();
}, 60_000);

describe('marketplace: personal data at rest', () => {
  it('given what Zed wrote, then the event store and the outbox hold it sealed only, while the read model serves it', async () => {
    const hits = await tablesContaining(NAME);
    expect(hits.filter((h) => h.startsWith('es_'))).toEqual([]);
    expect(hits.length).toBeGreaterThan(0); // the read models (help_requests, offers, relationships, members) do hold it
    const sealedByZed = await m.db.pool.query("SELECT count(*)::int AS n FROM es_events WHERE data::text LIKE '%pf:enc:v1:' || $1 || ':%'", [zed.id]);
    // The offer, the request (message and goal), Zed's feedback note, the decline note, the attestation.
    expect(sealedByZed.rows[0].n).toBe(5);
    expect((await m.ok(OPS.helpRequest, { id: zedsRequest }, maya.token)).helpRequest.message).toContain(NAME);
  });
});

describe('marketplace: after Zed is erased', () => {
  beforeAll(async () => {
    const codec = m.app.get(PersonalDataCodec);
    await codec.keys.erase(zed.id); // what identity does first
    await inTransaction(m.db.pool, (tx) => projectIdentityEvent(erased(zed.id), tx)); // what the consumer then applies
  });

  it('then no table holds the name any more, and Zed’s words read as placeholders while Maya’s stay', async () => {
    expect(await tablesContaining(NAME)).toEqual([]);
    const request = (await m.ok(OPS.helpRequest, { id: zedsRequest }, maya.token)).helpRequest;
    expect(request).toMatchObject({ status: 'COMPLETED', message: ERASED_TEXT, goal: ERASED_TEXT });
    const row = (await m.db.pool.query('SELECT seeker_note, mentor_note, seeker_rating, mentor_rating FROM help_requests WHERE id = $1', [zedsRequest])).rows[0];
    expect(row).toEqual({ seeker_note: null, mentor_note: 'Well prepared seeker', seeker_rating: 5, mentor_rating: 5 });
    expect((await m.ok(OPS.helpRequest, { id: mayasRequest }, maya.token)).helpRequest).toMatchObject({ status: 'DECLINED', declineNote: null });
    const relationship = async (mentorId: string, seekerId: string) =>
      (await m.db.pool.query('SELECT completed_engagements, attested, attestation_context FROM relationships WHERE mentor_id = $1 AND seeker_id = $2', [mentorId, seekerId])).rows[0];
    expect(await relationship(maya.id, zed.id)).toEqual({ completed_engagements: 1, attested: false, attestation_context: null });
    expect(await relationship(zed.id, maya.id)).toEqual({ completed_engagements: 0, attested: true, attestation_context: ERASED_TEXT });
    expect((await m.db.pool.query('SELECT display_name, erased_at IS NOT NULL AS erased FROM members WHERE id = $1', [zed.id])).rows[0]).toEqual({ display_name: ERASED_MEMBER_NAME, erased: true });
  });

  it('then the write side replays placeholders: the offer reads as erased and is retired from the listing', async () => {
    const offer = (await m.db.pool.query('SELECT title, description, status FROM offers WHERE id = $1', [zedsOffer])).rows[0];
    expect(offer).toEqual({ title: ERASED_TEXT, description: ERASED_TEXT, status: 'RETIRED' });
    const stored = await m.app.get(PersonalDataCodec).unsealEvents((await m.db.pool.query("SELECT type, data FROM es_events WHERE stream_id = 'offer-' || $1", [zedsOffer])).rows);
    expect(stored[0]!.data).toMatchObject({ title: ERASED_TEXT, description: ERASED_TEXT, capacity: 5 });
  });

  it('then Zed’s token is refused, and nobody can ask Zed for help or attest work with Zed (nothing is written)', async () => {
    // Each service reuses a "not blocked" answer for BLOCKED_VIEWER_CACHE_MS (2 s): a read, until the block shows.
    const dashboardCode = async () => (await m.gql('{ mentorDashboard { pending { id } } }', {}, zed.token)).errors?.[0]?.extensions.code;
    await waitFor(async () => (await dashboardCode()) === 'UNAUTHENTICATED', { timeoutMs: 10_000, what: 'Zed’s token refused' });
    const before = await m.eventCount();
    expect((await m.gql(OPS.availability, { input: ALWAYS_AVAILABLE }, zed.token)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const ask = await m.gql(OPS.request, { input: { offerId: zedsOffer, message: 'Could you look at my CV for staff roles? I can send it ahead of time.', goal: GOAL } }, maya.token);
    expect(ask.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.offerId' });
    const attest = await m.gql(ATTEST, { id: zed.id, c: 'We built the search service together' }, maya.token);
    expect(attest.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'memberId' });
    expect(await m.eventCount()).toBe(before);
  });
});
