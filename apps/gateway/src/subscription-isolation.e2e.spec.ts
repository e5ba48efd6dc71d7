import { jest } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { act, ALWAYS_AVAILABLE, publish, register, requestHelp, type Member } from './e2e/marketplace.fixtures.js';

/**
 * Two mentors subscribed to mentorDashboardChanged through the gateway at the same time, with
 * the same query text: each receives only their own dashboard. The gateway's subgraph client
 * reuses an upstream operation for an identical query (started with the first subscriber's
 * token); subscription-isolation.ts gives every client its own. Without it, the second mentor
 * receives the first mentor's dashboards and never their own.
 */
jest.setTimeout(120_000);

// One text for both subscribers, byte for byte: the reuse key of the gateway's subgraph client.
const QUERY = 'subscription { mentorDashboardChanged { pending { id seeker { id } offer { id } } offers { offer { id } } } }';

interface Dashboard {
  pending: { id: string; seeker: { id: string }; offer: { id: string } }[];
  offers: { offer: { id: string } }[];
}

interface Subscriber {
  mentor: Member & { name: string };
  offerId: string;
  client: Client;
  received: Dashboard[];
  failures: unknown[];
  /** Ids of the requests made to this mentor. */
  asked: string[];
}

let stack: Stack;
const subscribers: Subscriber[] = [];
let seekers = 0;

beforeAll(async () => {
  stack = await startStack();
  for (const name of ['Ada', 'Bea']) {
    const mentor = await register(stack, name);
    const offerId = (await publish(stack, mentor, 'ADVICE_CALL', { capacity: 20 })).id as string;
    await act(stack, 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone } }', { input: ALWAYS_AVAILABLE }, mentor);
    subscribers.push({ mentor: { ...mentor, name }, offerId, client: undefined as unknown as Client, received: [], failures: [], asked: [] });
  }
}, 240_000);

afterAll(async () => {
  await Promise.all(subscribers.map((s) => s.client?.dispose()));
  await stack?.stop();
}, 60_000);

const has = (s: Subscriber, requestId: string) => s.received.some((d) => d.pending.some((p) => p.id === requestId));
/** Offers in what `s` received that are not their mentor's: another mentor's dashboard. */
const foreign = (s: Subscriber): string[] =>
  [...new Set(s.received.flatMap((d) => [...d.offers.map((o) => o.offer.id), ...d.pending.map((p) => p.offer.id)]))].filter((id) => id !== s.offerId);
const broken = () => subscribers.some((x) => x.failures.length > 0 || foreign(x).length > 0);

/** A fresh seeker asks `s`'s mentor for help; resolves once that change reached `s` (or a subscriber failed). */
async function askAndSee(s: Subscriber, timeoutMs: number): Promise<boolean> {
  const seeker = await register(stack, `Seeker${++seekers}`);
  const id = (await requestHelp(stack, seeker, s.offerId)).id as string;
  s.asked.push(id);
  return waitFor(() => broken() || has(s, id), { timeoutMs, what: `request ${id} on the dashboard` })
    .then(() => has(s, id))
    .catch(() => false);
}

describe('mentorDashboardChanged through the gateway, two mentors, one query text', () => {
  it('given both subscribed at the same time, when each is asked for help, then each receives only their own dashboard', async () => {
    for (const s of subscribers) {
      s.client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${s.mentor.token}` }, retryAttempts: 0 });
    }
    // Both subscribe in the same tick, so their subscribe messages reach the gateway together.
    for (const s of subscribers) {
      s.client.subscribe(
        { query: QUERY },
        { next: ({ data }) => s.received.push((data as { mentorDashboardChanged: Dashboard }).mentorDashboardChanged), error: (e) => s.failures.push(e), complete: () => undefined },
      );
    }
    // A subscription has no acknowledgement: each mentor is asked until a change reaches them, which
    // proves their subscription open (bounded attempts, each waiting on the delivery itself).
    for (const s of subscribers) {
      let seen = false;
      for (let attempt = 0; attempt < 5 && !seen && !broken(); attempt++) seen = await askAndSee(s, 10_000);
      for (const x of subscribers) expect({ mentor: x.mentor.name, failures: x.failures, othersOffers: foreign(x) }).toEqual({ mentor: x.mentor.name, failures: [], othersOffers: [] });
      expect({ mentor: s.mentor.name, seen }).toEqual({ mentor: s.mentor.name, seen: true });
    }
    // Both open now: one more request each, in turn. Each delivery is the barrier for the other's:
    // an event the other mentor should not see was published before the one they wait for.
    for (const s of [...subscribers, subscribers[0]!]) expect(await askAndSee(s, 30_000)).toBe(true);

    for (const [mine, theirs] of [subscribers, [...subscribers].reverse()] as [Subscriber, Subscriber][]) {
      const pending = mine.received.flatMap((d) => d.pending);
      expect(pending.filter((p) => theirs.asked.includes(p.id) || p.offer.id === theirs.offerId)).toEqual([]);
      expect(new Set(pending.map((p) => p.offer.id))).toEqual(new Set([mine.offerId]));
      expect(new Set(mine.received.flatMap((d) => d.offers.map((o) => o.offer.id)))).toEqual(new Set([mine.offerId]));
      expect(mine.asked.slice(-1).every((id) => has(mine, id))).toBe(true);
    }
  });
});
