import { jest } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '@payforward/testing';
import { ALWAYS_AVAILABLE, GOAL, MESSAGE, OPS, offerInput, startMarketplace, type SpecMarketplace } from './marketplace.spec.fixtures.js';

/**
 * The mentor dashboard and its live updates: `mentorDashboardChanged` over graphql-ws straight
 * to the subgraph (the gateway path is exercised end to end), authenticated by the connection's
 * init payload, fed by PostgreSQL NOTIFY after each committed change.
 */
jest.setTimeout(60_000);

const DAY = 86_400_000;
const SUBSCRIPTION = 'subscription { mentorDashboardChanged { pending { id } offers { offer { id } used remaining } upcoming { id } } }';

let m: SpecMarketplace;
let wsUrl: string;
const clients: Client[] = [];

beforeAll(async () => {
  m = await startMarketplace('dashboard');
  await m.app.listen(0, '127.0.0.1');
  wsUrl = `${(await m.app.getUrl()).replace(/^http/, 'ws').replace('[::1]', '127.0.0.1')}/graphql`;
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await m?.close();
}, 60_000);

type Dashboard = { pending: { id: string }[]; offers: { offer: { id: string }; used: number; remaining: number }[]; upcoming: { id: string }[] };

/** Subscribes with `connectionParams`; collects the dashboards received and the error, if any. */
function subscribe(connectionParams: Record<string, unknown>) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
  clients.push(client);
  const received: Dashboard[] = [];
  const failure: { error?: unknown } = {};
  client.subscribe<{ mentorDashboardChanged: Dashboard }>(
    { query: SUBSCRIPTION },
    { next: ({ data, errors }) => (errors ? (failure.error = errors) : received.push(data!.mentorDashboardChanged)), error: (e) => (failure.error = e), complete: () => undefined },
  );
  return { received, failure };
}

/** The subscription is live once a change made after it reaches it (the first ones may race the subscribe). */
async function untilLive(received: Dashboard[], poke: () => Promise<unknown>): Promise<void> {
  await waitFor(async () => {
    await poke();
    return received.length > 0;
  }, { timeoutMs: 20_000, intervalMs: 300, what: 'the subscription to receive a change' });
}

describe('mentor dashboard', () => {
  it('given offers, requests and sessions, when the mentor reads the dashboard, then loads per offer, pending oldest first and upcoming soonest first', async () => {
    const mentor = await m.member('Maya');
    await m.ok(OPS.availability, { input: ALWAYS_AVAILABLE }, mentor.token);
    const { publishOffer: call } = await m.ok(OPS.publish, { input: offerInput('ADVICE_CALL', { capacity: 3 }) }, mentor.token);
    const { publishOffer: retired } = await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, mentor.token);
    await m.ok('mutation($id: ID!) { retireOffer(id: $id) { id } }', { id: retired.id }, mentor.token);
    const ask = async () => (await m.ok(OPS.request, { input: { offerId: call.id, message: MESSAGE, goal: GOAL } }, (await m.member()).token)).requestHelp.id;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await ask());
      m.clock.advance(60_000);
    }
    const at = (days: number) => new Date(m.clock.now().getTime() + days * DAY).toISOString();
    await m.ok(OPS.accept, { id: ids[0], at: at(3) }, mentor.token);
    await m.ok(OPS.accept, { id: ids[1], at: at(1) }, mentor.token);
    await m.ok(OPS.accept, { id: ids[2], at: at(20) }, mentor.token);

    const { mentorDashboard } = await m.ok(OPS.dashboard, {}, mentor.token);
    expect(mentorDashboard.offers).toEqual([
      { offer: { id: call.id }, used: 3, remaining: 0, periodStart: '2031-03-10T00:00:00.000Z', periodEnd: '2031-03-17T00:00:00.000Z' },
    ]);
    expect(mentorDashboard.pending.map((r: { id: string }) => r.id)).toEqual([ids[3], ids[4]]);
    expect(mentorDashboard.upcoming.map((r: { id: string }) => r.id)).toEqual([ids[1], ids[0]]);
    expect(mentorDashboard.availability).toMatchObject({ timezone: 'UTC', blackoutDates: [] });
    expect((await m.gql(OPS.dashboard)).errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('given a mentor subscribed over graphql-ws, when a request arrives, is accepted and withdrawn, then each change pushes the fresh dashboard to them only', async () => {
    const mentor = await m.member('Noor');
    const other = await m.member('Iris');
    const { publishOffer: offer } = await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW', { capacity: 2, period: 'MONTH' }) }, mentor.token);
    const mine = subscribe({ authorization: `Bearer ${mentor.token}` });
    const theirs = subscribe({ headers: { authorization: `Bearer ${other.token}` } });
    await untilLive(mine.received, () => m.ok('mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }', { id: offer.id, input: { title: `Résumé review ${Date.now()}` } }, mentor.token));

    const seeker = await m.member('Sam');
    const { requestHelp: first } = await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, seeker.token);
    await waitFor(() => mine.received.some((d) => d.pending.some((r) => r.id === first.id)), { what: 'the new request on the dashboard' });

    await m.ok(OPS.accept, { id: first.id, at: null }, mentor.token);
    await waitFor(() => mine.received.some((d) => d.offers[0]?.used === 1 && d.pending.length === 0), { what: 'the capacity change' });

    const { requestHelp: second } = await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, (await m.member('Lee')).token);
    await waitFor(() => mine.received.some((d) => d.pending.some((r) => r.id === second.id)), { what: 'the second request' });
    const count = mine.received.length;
    await m.ok(OPS.withdraw, { id: second.id }, await m.tokenFor(second.seeker.id));
    await waitFor(() => mine.received.slice(count).some((d) => d.pending.length === 0), { what: 'the withdrawal' });

    expect(theirs.received).toEqual([]);
    expect(mine.failure.error).toBeUndefined();
  });

  it('given the LISTEN connection killed by the server, when the mentor’s dashboard changes afterwards, then the push still arrives', async () => {
    const mentor = await m.member('Lina');
    const { publishOffer: offer } = await m.ok(OPS.publish, { input: offerInput('RESUME_REVIEW') }, mentor.token);
    const live = subscribe({ authorization: `Bearer ${mentor.token}` });
    const retitle = () => m.ok('mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }', { id: offer.id, input: { title: `Résumé review ${Date.now()}` } }, mentor.token);
    await untilLive(live.received, retitle);

    const killed = await m.db.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'payforward-marketplace-dashboard' AND datname = current_database()",
    );
    expect(killed.rowCount).toBe(1);
    const before = live.received.length;
    await waitFor(async () => {
      await retitle();
      return live.received.length > before;
    }, { timeoutMs: 20_000, intervalMs: 300, what: 'a push after the listener reconnected' });
  });

  it('given no token in the connection, when subscribing, then UNAUTHENTICATED', async () => {
    const anonymous = subscribe({});
    await waitFor(() => anonymous.failure.error !== undefined, { what: 'the refusal' });
    expect(JSON.stringify(anonymous.failure.error)).toMatch(/UNAUTHENTICATED/);
  });
});
