import { jest } from '@jest/globals';
import { helpRequestStreamId, seekerPendingStreamId } from '@payforward/contracts';
import { expiryGuidance } from '@payforward/marketplace-domain';
import { waitFor } from '@payforward/testing';
import { GOAL, MESSAGE, OPS, offerInput, startMarketplace, type SpecMarketplace } from './marketplace.spec.fixtures.js';
import { ExpiryScheduler } from './requests/expire-request/expiry.scheduler.js';

/**
 * Expiry is driven by durable due times (`request_deadlines`) and the injected clock: the specs
 * move the clock a week instead of waiting one, and a second instance on the same database —
 * a restart, as far as the scan can tell — finds the due request on its own.
 */
jest.setTimeout(60_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let m: SpecMarketplace;

beforeAll(async () => {
  m = await startMarketplace('expiry');
}, 60_000);

afterAll(async () => {
  await m?.close();
}, 60_000);

const eventsOf = async (streamId: string) =>
  (await m.db.pool.query('SELECT type FROM es_events WHERE stream_id = $1 ORDER BY version', [streamId])).rows.map((r) => r.type);

describe('expiry of unanswered requests', () => {
  it('given a request unanswered for 7 days, when the scan runs, then EXPIRED with guidance, the pending slot freed, and no penalty event', async () => {
    const mentor = await m.member('Maya');
    const seeker = await m.member('Sam');
    const { publishOffer: offer } = await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, mentor.token);
    const { requestHelp: request } = await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, seeker.token);
    const due = await m.db.pool.query('SELECT due_at FROM request_deadlines WHERE request_id = $1', [request.id]);
    expect(due.rows[0].due_at.getTime()).toBe(m.clock.now().getTime() + 7 * DAY);
    const scheduler = m.app.get(ExpiryScheduler);

    m.clock.advance(7 * DAY - HOUR);
    expect(await scheduler.runOnce()).toBe(0);
    expect((await m.ok(OPS.helpRequest, { id: request.id }, seeker.token)).helpRequest.status).toBe('SUBMITTED');

    m.clock.advance(HOUR);
    const before = await m.eventCount();
    expect(await scheduler.runOnce()).toBe(1);

    const { helpRequest } = await m.ok(OPS.helpRequest, { id: request.id }, seeker.token);
    expect(helpRequest).toMatchObject({ status: 'EXPIRED', guidance: expiryGuidance('RESUME_REVIEW'), declineReason: null });
    expect(await eventsOf(helpRequestStreamId(request.id))).toEqual(['HelpRequestSubmitted', 'HelpRequestExpired']);
    expect(await eventsOf(seekerPendingStreamId(seeker.id))).toEqual(['PendingSlotTaken', 'PendingSlotFreed']);
    // Exactly those two events: nothing that could cost either side reputation.
    expect(await m.eventCount()).toBe(before + 2);
    const expired = await m.db.pool.query("SELECT metadata FROM es_events WHERE type = 'HelpRequestExpired'");
    expect(expired.rows[0].metadata).toMatchObject({ actor: 'system:expiry-scheduler' });
    expect((await m.db.pool.query('SELECT count(*)::int AS n FROM request_deadlines')).rows[0].n).toBe(0);
    expect(await scheduler.runOnce()).toBe(0);

    // The freed slot lets the seeker ask the same mentor again.
    const again = await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, seeker.token);
    expect(again.requestHelp.status).toBe('SUBMITTED');
  });

  it('given a request answered before its due time, when the scan runs after it, then nothing expires', async () => {
    const mentor = await m.member('Noor');
    const seeker = await m.member('Lee');
    const { publishOffer: offer } = await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, mentor.token);
    const { requestHelp: request } = await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, seeker.token);
    await m.ok(OPS.decline, { id: request.id, reason: 'NOT_A_FIT', note: null }, mentor.token);

    m.clock.advance(8 * DAY);
    await m.app.get(ExpiryScheduler).runOnce();
    expect((await m.ok(OPS.helpRequest, { id: request.id }, seeker.token)).helpRequest.status).toBe('DECLINED');
    expect(await eventsOf(helpRequestStreamId(request.id))).toEqual(['HelpRequestSubmitted', 'HelpRequestDeclined']);
  });

  it('given a due request written by one instance, when another instance starts on the same database with its scan timer, then it expires the request', async () => {
    const mentor = await m.member('Iris');
    const seeker = await m.member('Chloe');
    const { publishOffer: offer } = await m.ok(OPS.publish, { input: offerInput('ADVICE_CALL') }, mentor.token);
    const { requestHelp: request } = await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, seeker.token);
    m.clock.advance(7 * DAY);

    const restarted = await startMarketplace('expiry-restart', { database: m.db, clock: m.clock, expiryScanIntervalMs: 100 });
    try {
      const status = () => m.ok(OPS.helpRequest, { id: request.id }, seeker.token).then((d) => d.helpRequest.status === 'EXPIRED');
      await waitFor(status, { timeoutMs: 20_000, what: 'the restarted instance to expire the request' });
    } finally {
      await restarted.close();
    }
  });
});
