import { jest } from '@jest/globals';
import { capacityStreamId, seekerPendingStreamId } from '@payforward/contracts';
import { periodFor } from '@payforward/marketplace-domain';
import { GOAL, MESSAGE, OPS, offerInput, startMarketplace, type SpecMarketplace } from './marketplace.spec.fixtures.js';

/**
 * The limits under concurrency (docs/adr/005-capacity-and-pending-limits.md): accepts race on
 * the offer's capacity ledger stream, submits on the seeker's pending stream, each appended with
 * an expected version. Exactly the bound gets through, however the requests interleave.
 */
jest.setTimeout(120_000);

/** Generous and explicit: 100 racing writes on 2 shared cores must not depend on the machine's speed. */
const RACE_TIMEOUT_MS = 180_000;

let m: SpecMarketplace;
/** A second instance on the same database, as two replicas behind the gateway would be. */
let m2: SpecMarketplace;

beforeAll(async () => {
  // Two instances of 8 connections instead of one of 16: the same load on the database server,
  // which the int specs running beside this one share (max_connections is 100 on a default server).
  m = await startMarketplace('race', { poolMax: 8 });
  m2 = await startMarketplace('race', { database: m.db, clock: m.clock, poolMax: 8 });
}, 60_000);

afterAll(async () => {
  await m2?.close();
  await m?.close();
}, 60_000);

/** Runs `fn` over `items` with at most `limit` in flight (setting up a race should not be one itself). */
async function inBatches<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) results.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  return results;
}

const statusCounts = async (offerId: string) =>
  Object.fromEntries(
    (await m.db.pool.query('SELECT status, count(*)::int AS n FROM help_requests WHERE offer_id = $1 GROUP BY status', [offerId])).rows.map((r) => [r.status, r.n]),
  );

async function acceptRace(instances: SpecMarketplace[]): Promise<void> {
  const mentor = await m.member('Maya');
  const { publishOffer: offer } = await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW', { capacity: 3, period: 'WEEK' }) }, mentor.token);
  const seekers = await inBatches(Array.from({ length: 100 }, (_, i) => i), 20, (i) => m.member(`Seeker ${i}`));
  const requests = await inBatches(seekers, 10, async (seeker) => {
    const { requestHelp } = await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, seeker.token);
    return requestHelp.id as string;
  });

  // Split across the instances: every other accept goes to the other one.
  const results = await Promise.all(requests.map((id, i) => instances[i % instances.length]!.gql(OPS.accept, { id, at: null }, mentor.token)));

  const accepted = results.filter((r) => r.data?.acceptRequest?.status === 'ACCEPTED');
  const refused = results.filter((r) => r.errors);
  expect(accepted).toHaveLength(3);
  expect(refused).toHaveLength(97);
  for (const r of refused) expect(r.errors).toEqual([expect.objectContaining({ extensions: { code: 'CAPACITY_EXHAUSTED', field: 'id' } })]);
  expect(await statusCounts(offer.id)).toEqual({ ACCEPTED: 3, SUBMITTED: 97 });

  const ledger = await m.db.pool.query('SELECT type, version, data FROM es_events WHERE stream_id = $1 ORDER BY version', [
    capacityStreamId(offer.id, periodFor('WEEK', m.clock.now()).key),
  ]);
  expect(ledger.rows.map((r) => [r.type, r.version, r.data.used])).toEqual([
    ['CapacityReserved', 1, 1],
    ['CapacityReserved', 2, 2],
    ['CapacityReserved', 3, 3],
  ]);
  expect(ledger.rows.map((r) => r.data.requestId).sort()).toEqual(accepted.map((r) => r.data!.acceptRequest.id).sort());

  const { offer: after } = await m.ok('query($id: ID!) { offer(id: $id) { remainingCapacity } }', { id: offer.id });
  expect(after.remainingCapacity).toBe(0);
  const { mentorDashboard } = await m.ok(OPS.dashboard, {}, mentor.token);
  expect(mentorDashboard.offers).toEqual([expect.objectContaining({ offer: { id: offer.id }, used: 3, remaining: 0 })]);
  expect(mentorDashboard.pending).toHaveLength(97);
}

describe('capacity under concurrency', () => {
  it(
    'given an offer with capacity 3 and 100 pending requests, when the mentor accepts all 100 at once, then exactly 3 are ACCEPTED and 97 refused with CAPACITY_EXHAUSTED stay SUBMITTED',
    () => acceptRace([m]),
    RACE_TIMEOUT_MS,
  );

  it(
    'given two marketplace instances on one database, when the 100 accepts are split across them, then still exactly 3 are ACCEPTED and 97 refused',
    () => acceptRace([m, m2]),
    RACE_TIMEOUT_MS,
  );
});

async function submitRace(instances: SpecMarketplace[]): Promise<void> {
  const offers = await inBatches(Array.from({ length: 10 }, (_, i) => i), 10, async (i) => {
    const mentor = await m.member(`Mentor ${i}`);
    return (await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, mentor.token)).publishOffer.id as string;
  });
  const seeker = await m.member('Sam');

  const results = await Promise.all(
    offers.map((offerId, i) => instances[i % instances.length]!.gql(OPS.request, { input: { offerId, message: MESSAGE, goal: GOAL } }, seeker.token)),
  );

  const submitted = results.filter((r) => r.data?.requestHelp?.status === 'SUBMITTED');
  const refused = results.filter((r) => r.errors);
  expect(submitted).toHaveLength(3);
  expect(refused).toHaveLength(7);
  for (const r of refused) expect(r.errors).toEqual([expect.objectContaining({ extensions: { code: 'LIMIT_REACHED', field: 'input.offerId' } })]);
  const pending = await m.db.pool.query("SELECT count(*)::int AS n FROM help_requests WHERE seeker_id = $1 AND status = 'SUBMITTED'", [seeker.id]);
  expect(pending.rows[0].n).toBe(3);
  const slots = await m.db.pool.query('SELECT type, version FROM es_events WHERE stream_id = $1 ORDER BY version', [seekerPendingStreamId(seeker.id)]);
  expect(slots.rows).toEqual([1, 2, 3].map((version) => ({ type: 'PendingSlotTaken', version })));
}

describe('the seeker pending limit under concurrency', () => {
  it(
    'given 10 offers of 10 mentors, when one seeker submits to all at once, then exactly 3 are pending and 7 refused with LIMIT_REACHED',
    () => submitRace([m]),
    RACE_TIMEOUT_MS,
  );

  it(
    'given two marketplace instances on one database, when the 10 submits are split across them, then still exactly 3 are pending and 7 refused',
    () => submitRace([m, m2]),
    RACE_TIMEOUT_MS,
  );
});
