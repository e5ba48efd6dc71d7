import { jest } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import { v7 as uuidv7 } from 'uuid';
import WebSocket from 'ws';
import { deleteKafkaResources, uniqueSuffix, waitFor } from '@payforward/testing';
import { createSpecTopics, helpRequest, march, publish, registered, startNotifications, tokenFor, type SpecNotifications, type SpecTopics } from '../notifications.spec.fixtures.js';

/**
 * notificationReceived on the subgraph itself (graphql-ws, token in the init payload): two members
 * subscribed at once each receive only their own notifications, after the consumer's commit;
 * a subscriber without a token is refused with UNAUTHENTICATED.
 */
jest.setTimeout(90_000);

const SUBSCRIPTION = 'subscription { notificationReceived { id category text link read } }';
type Received = { id: string; category: string; text: string; link: string | null; read: boolean };

let topics: SpecTopics;
let n: SpecNotifications;
let wsUrl: string;
const clients: Client[] = [];

beforeAll(async () => {
  topics = await createSpecTopics(uniqueSuffix());
  n = await startNotifications('received', topics);
  await n.app.listen(0, '127.0.0.1');
  wsUrl = `${(await n.app.getUrl()).replace(/^http/, 'ws').replace('[::1]', '127.0.0.1')}/graphql`;
}, 90_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await n?.close();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [] });
}, 60_000);

function subscribe(connectionParams: Record<string, unknown>) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
  clients.push(client);
  const received: Received[] = [];
  const failure: { error?: unknown } = {};
  client.subscribe<{ notificationReceived: Received }>(
    { query: SUBSCRIPTION },
    { next: ({ data, errors }) => (errors ? (failure.error = errors) : received.push(data!.notificationReceived)), error: (e) => (failure.error = e), complete: () => undefined },
  );
  return { received, failure };
}

describe('notificationReceived', () => {
  it('given two mentors subscribed at once, when each is asked for help, then each receives only their own notification', async () => {
    const [ada, bea] = [uuidv7(), uuidv7()];
    const [adaSub, beaSub] = [subscribe({ authorization: `Bearer ${await tokenFor(ada)}` }), subscribe({ authorization: `Bearer ${await tokenFor(bea)}` })];
    const seekers: string[] = [];
    // No acknowledgement for a subscribe: ask until something reaches each (the first may race it).
    const askUntilSeen = async (mentor: string, sub: { received: Received[] }) => {
      await waitFor(
        async () => {
          const seeker = uuidv7();
          seekers.push(seeker);
          const member = registered(seeker, `Seeker ${seekers.length}`, march(1));
          const submitted = helpRequest(mentor, seeker).submitted(march(2));
          // Registered before asking, as in life: the push is rendered with the name the mirror has then.
          await publish(topics.identity, [member]);
          await n.applied([member]);
          await publish(topics.helpRequest, [submitted]);
          await n.applied([submitted]);
          return sub.received.length > 0;
        },
        { timeoutMs: 30_000, intervalMs: 500, what: 'a notification to reach the subscriber' },
      );
    };
    await askUntilSeen(ada, adaSub);
    await askUntilSeen(bea, beaSub);

    expect(adaSub.failure.error).toBeUndefined();
    expect(beaSub.failure.error).toBeUndefined();
    const mine = async (mentor: string) => (await n.db.pool.query('SELECT id FROM notifications WHERE recipient_id = $1', [mentor])).rows.map((r) => r.id as string);
    const [adas, beas] = [await mine(ada), await mine(bea)];
    // Nothing received that is not the subscriber's own (the other's would show up here).
    expect(adaSub.received.filter((r) => !adas.includes(r.id))).toEqual([]);
    expect(beaSub.received.filter((r) => !beas.includes(r.id))).toEqual([]);
    expect(adaSub.received[0]).toMatchObject({ category: 'REQUESTS', text: expect.stringMatching(/^Seeker \d+ asked you for an advice call\.$/), link: '/dashboard', read: false });
  });

  it('given no token, when subscribing, then UNAUTHENTICATED', async () => {
    const anonymous = subscribe({});
    await waitFor(() => anonymous.failure.error !== undefined, { timeoutMs: 10_000, what: 'the refusal' });
    expect(JSON.stringify(anonymous.failure.error)).toContain('UNAUTHENTICATED');
  });
});
