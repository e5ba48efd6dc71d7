import { jest } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { act, ALWAYS_AVAILABLE, ok, publish, register, requestHelp, type Member } from './e2e/marketplace.fixtures.js';

/**
 * The in-app inbox through the gateway on the whole stack: a request reaches the mentor's inbox
 * (marketplace → Kafka → notifications), is counted unread and marked read; and two members
 * subscribed to notificationReceived at once, with the same query text, each hear only of their
 * own notifications (the gateway's per-client upstream operations, subscription-isolation.ts).
 */
jest.setTimeout(120_000);

const INBOX = '{ notifications(first: 10) { totalCount nodes { id category text link read } } unreadNotificationCount }';
// One text for both subscribers, byte for byte: the reuse key of the gateway's subgraph client.
const RECEIVED = 'subscription { notificationReceived { id category text link read } }';

interface Received {
  id: string;
  text: string;
}

let stack: Stack;
let seekers = 0;

beforeAll(async () => {
  stack = await startStack();
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

async function mentorWithOffer(name: string): Promise<{ mentor: Member; offerId: string }> {
  const mentor = await register(stack, name);
  const offerId = (await publish(stack, mentor, 'ADVICE_CALL', { capacity: 20 })).id as string;
  await act(stack, 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone } }', { input: ALWAYS_AVAILABLE }, mentor);
  return { mentor, offerId };
}

/** A fresh seeker (named so the text says who) asks on `offerId`. */
async function ask(offerId: string): Promise<string> {
  const name = `Seeker${++seekers}`;
  await requestHelp(stack, await register(stack, name), offerId);
  return name;
}

describe('notifications through the gateway', () => {
  it('given a seeker asks, when the mentor reads the inbox, then it shows the request and 1 unread; marked read, 0', async () => {
    const { mentor, offerId } = await mentorWithOffer('Mira');
    const seeker = await ask(offerId);

    const inbox = await waitFor(
      async () => {
        const data = ok(await stack.gql(INBOX, {}, mentor.token));
        return data.notifications.totalCount > 0 ? data : false;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the request in the mentor’s inbox' },
    );
    expect(inbox.unreadNotificationCount).toBe(1);
    expect(inbox.notifications.nodes).toEqual([{ id: expect.any(String), category: 'REQUESTS', text: `${seeker} asked you for an advice call.`, link: '/dashboard', read: false }]);

    expect(ok(await stack.gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [inbox.notifications.nodes[0].id] }, mentor.token))).toEqual({ markNotificationsRead: 1 });
    const after = ok(await stack.gql(INBOX, {}, mentor.token));
    expect(after.unreadNotificationCount).toBe(0);
    expect(after.notifications.nodes[0].read).toBe(true);

    const anonymous = await stack.gql('{ unreadNotificationCount }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('given two members subscribed at once, when each is asked for help, then each receives only their own notifications', async () => {
    const members = await Promise.all(['Ada', 'Bea'].map(async (name) => ({ name, ...(await mentorWithOffer(name)), received: [] as Received[], failures: [] as unknown[], askedBy: [] as string[] })));
    const clients: Client[] = members.map((m) => createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${m.mentor.token}` }, retryAttempts: 0 }));
    try {
      // Both subscribe in the same tick, so their subscribe messages reach the gateway together.
      members.forEach((m, i) =>
        clients[i]!.subscribe(
          { query: RECEIVED },
          { next: ({ data }) => m.received.push((data as { notificationReceived: Received }).notificationReceived), error: (e) => m.failures.push(e), complete: () => undefined },
        ),
      );
      const sees = (m: (typeof members)[number], seeker: string) => m.received.some((r) => r.text.startsWith(`${seeker} asked you`));
      // No acknowledgement for a subscription: each member is asked until one reaches them (bounded attempts,
      // each waiting on the delivery itself), which proves their subscription open.
      for (const m of members) {
        let seen = false;
        for (let attempt = 0; attempt < 5 && !seen; attempt++) {
          const seeker = await ask(m.offerId);
          m.askedBy.push(seeker);
          seen = await waitFor(() => sees(m, seeker) || m.failures.length > 0, { timeoutMs: 10_000, what: `${seeker}'s request reaching ${m.name}` })
            .then(() => sees(m, seeker))
            .catch(() => false);
        }
        expect({ member: m.name, failures: m.failures, seen }).toEqual({ member: m.name, failures: [], seen: true });
      }
      // Both open: one more each, in turn; each delivery is the barrier for the other's.
      for (const m of [...members, members[0]!]) {
        const seeker = await ask(m.offerId);
        m.askedBy.push(seeker);
        await waitFor(() => sees(m, seeker), { timeoutMs: 30_000, what: `${seeker}'s request reaching ${m.name}` });
      }
      for (const [mine, theirs] of [members, [...members].reverse()] as [(typeof members)[number], (typeof members)[number]][]) {
        expect(mine.received.filter((r) => theirs.askedBy.some((s) => r.text.startsWith(`${s} asked you`)))).toEqual([]);
        expect(mine.received.every((r) => mine.askedBy.some((s) => r.text.startsWith(`${s} asked you`)))).toBe(true);
      }
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });
});
