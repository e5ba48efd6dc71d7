import { jest } from '@jest/globals';
import kafkajs from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { deadLetterTopic, isIntegrationEvent, memberStreamId, topicForEventType, TOPICS, validateEnvelope, type EventEnvelope } from '@payforward/contracts';
import { createKafkaClient, ensureTopics } from '@payforward/messaging';
import { deleteKafkaResources, kafkaBrokers, uniqueSuffix, waitFor } from '@payforward/testing';
import { ALWAYS_AVAILABLE, GOAL, MESSAGE, OPS, offerInput, startMarketplace, type SpecMarketplace } from './marketplace.spec.fixtures.js';
import { IdentityEventsConsumer } from './members/identity-events.consumer.js';

/**
 * The marketplace as a producer and a consumer on the real broker: identity's MemberRegistered
 * (on a topic of this spec's own) fills `members`; the marketplace's own events go through its
 * outbox relay to topics of this spec's own, and a fresh consumer group reads them back:
 * every integration event and only those (ADR 012), every envelope valid, keyed by its stream,
 * each stream's events in version order.
 */
jest.setTimeout(120_000);

const suffix = uniqueSuffix();
const topicFor = (type: string) => `spec.${suffix}.${topicForEventType(type)}`;
const marketplaceTopics = [TOPICS.marketplaceOffer, TOPICS.marketplaceAvailability, TOPICS.marketplaceHelpRequest, TOPICS.marketplaceRelationship].map(
  (t) => `spec.${suffix}.${t}`,
);
const identityTopic = `spec.${suffix}.${TOPICS.identityMember}`;
const membersGroupId = `marketplace.members.spec.${suffix}`;
const readerGroupId = `marketplace.reader.spec.${suffix}`;

let m: SpecMarketplace;

beforeAll(async () => {
  await ensureTopics(kafkaBrokers(), [...marketplaceTopics.map((name) => ({ name, partitions: 3 })), { name: identityTopic, partitions: 1 }]);
  m = await startMarketplace('events', { relay: true, consumeIdentity: true, identityTopic, membersGroupId, topicFor });
}, 60_000);

afterAll(async () => {
  await m?.close();
  await deleteKafkaResources({
    topics: [...marketplaceTopics, identityTopic, deadLetterTopic(membersGroupId)],
    groups: [membersGroupId, readerGroupId],
  });
}, 60_000);

const memberRegistered = (memberId: string, displayName: string, timezone: string): EventEnvelope => ({
  id: uuidv7(),
  type: 'MemberRegistered',
  streamId: memberStreamId(memberId),
  version: 1,
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
  metadata: { actor: memberId, correlationId: `spec-${suffix}`, causationId: null },
  data: { memberId, email: `${displayName.toLowerCase()}-${suffix}@example.com`, displayName, headline: null, timezone, roles: ['MEMBER'] },
});

async function registerThroughIdentityTopic(people: { id: string; name: string; timezone: string }[]): Promise<void> {
  const producer = createKafkaClient({ brokers: kafkaBrokers(), clientId: `spec-${suffix}` }).producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const messages = people.map((p) => memberRegistered(p.id, p.name, p.timezone)).map((e) => ({ key: e.streamId, value: JSON.stringify(e) }));
    await producer.send({ topic: identityTopic, messages });
  } finally {
    await producer.disconnect();
  }
}

async function readBack(expected: number): Promise<{ key: string | null; value: unknown }[]> {
  const consumer = createKafkaClient({ brokers: kafkaBrokers(), clientId: `spec-reader-${suffix}` }).consumer({ groupId: readerGroupId, maxWaitTimeInMs: 500 });
  const received: { key: string | null; value: unknown }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: marketplaceTopics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: message.key?.toString() ?? null, value: JSON.parse(message.value!.toString()) });
      },
    });
    await waitFor(() => received.length >= expected, { timeoutMs: 60_000, what: `${expected} events on the marketplace topics` });
  } finally {
    await consumer.disconnect();
  }
  return received;
}

describe('marketplace events on Kafka', () => {
  it('answers liveness and readiness (database and broker)', async () => {
    expect((await m.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await m.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ postgres: { status: 'up' }, kafka: { status: 'up' } });
  });


  it('given members registered in identity, when the marketplace consumes them, then it knows them and uses the profile time zone for availability', async () => {
    const people = [
      { id: uuidv7(), name: 'Maya', timezone: 'Europe/Berlin' },
      { id: uuidv7(), name: 'Sam', timezone: 'America/New_York' },
    ];
    await registerThroughIdentityTopic(people);
    await waitFor(
      async () => (await m.db.pool.query('SELECT count(*)::int AS n FROM members WHERE id = ANY ($1)', [people.map((p) => p.id)])).rows[0].n === 2,
      { timeoutMs: 60_000, what: 'both members in the marketplace' },
    );
    expect(m.app.get(IdentityEventsConsumer).stats().deadLettered).toBe(0);
    const { setAvailability } = await m.ok(OPS.availability, { input: ALWAYS_AVAILABLE }, await m.tokenFor(people[0]!.id));
    expect(setAvailability.timezone).toBe('Europe/Berlin');
  });

  it('given a run of marketplace operations, when a fresh group reads the topics, then every envelope is valid and each stream arrives in order', async () => {
    const mentor = await m.member('Noor');
    const [sam, lee] = [await m.member('Sam'), await m.member('Lee')];
    const { publishOffer: offer } = await m.ok(OPS.publish, { input: offerInput('ADVICE_CALL', { capacity: 2 }) }, mentor.token);
    await m.ok('mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }', { id: offer.id, input: { capacity: 4 } }, mentor.token);
    await m.ok(OPS.availability, { input: ALWAYS_AVAILABLE }, mentor.token);
    const ask = async (token: string) => (await m.ok(OPS.request, { input: { offerId: offer.id, message: MESSAGE, goal: GOAL } }, token)).requestHelp.id as string;
    const [first, second] = [await ask(sam.token), await ask(lee.token)];
    const at = new Date(m.clock.now().getTime() + 2 * 86_400_000);
    at.setUTCHours(10, 0, 0, 0);
    await m.ok(OPS.accept, { id: first, at: at.toISOString() }, mentor.token);
    await m.ok(OPS.decline, { id: second, reason: 'NO_CAPACITY', note: 'Full this week, sorry.' }, mentor.token);
    m.clock.set(new Date(at.getTime() + 3_600_000));
    await m.ok(OPS.complete, { id: first }, mentor.token);
    await m.ok(OPS.feedback, { id: first, rating: 5, note: 'Very concrete, thank you.' }, sam.token);
    await m.ok('mutation($id: ID!, $c: String!) { attestWorkedTogether(memberId: $id, context: $c) { workedTogether } }', { id: lee.id, c: 'Two years on the payments team' }, mentor.token);
    await m.ok('mutation($id: ID!) { confirmWorkedTogether(mentorId: $id) { workedTogether } }', { id: mentor.id }, lee.token);
    await m.ok('mutation($id: ID!) { blockMember(memberId: $id) }', { id: sam.id }, mentor.token);

    const all = (await m.db.pool.query('SELECT event_id, stream_id, version, type FROM es_events ORDER BY global_position')).rows;
    // Internal bookkeeping (pending slots, capacity ledger) is stored but gets no outbox row.
    const internal = ['PendingSlotTaken', 'PendingSlotFreed', 'CapacityReserved'];
    for (const type of internal) expect(all.map((r) => r.type)).toContain(type);
    const stored = all.filter((r) => isIntegrationEvent(r.type));
    const outboxTypes = (await m.db.pool.query("SELECT payload->>'type' AS type FROM es_outbox")).rows.map((r) => r.type);
    expect(outboxTypes.sort()).toEqual(stored.map((r) => r.type).sort());
    const received = await readBack(stored.length);

    const checked = received.map(({ key, value }) => {
      const check = validateEnvelope(value);
      if (!check.ok) throw new Error(check.reason);
      expect(key).toBe(check.envelope.streamId);
      return check.envelope;
    });
    // Delivery is at least once: a redelivered event (same id) is the consumer's to skip.
    const envelopes = checked.filter((e, i) => checked.findIndex((o) => o.id === e.id) === i);
    expect(new Set(envelopes.map((e) => e.id))).toEqual(new Set(stored.map((r) => r.event_id)));
    // Per stream: the order Kafka delivered is the order of the stream's versions.
    const byStream = new Map<string, string[]>();
    for (const e of envelopes) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), `${e.version}:${e.type}`]);
    for (const [streamId, delivered] of byStream) {
      expect(delivered).toEqual(stored.filter((r) => r.stream_id === streamId).map((r) => `${r.version}:${r.type}`));
    }
    expect(byStream.get(`help-request-${first}`)).toEqual(['1:HelpRequestSubmitted', '2:HelpRequestAccepted', '3:HelpRequestCompleted', '4:FeedbackLeft']);
    expect(byStream.get(`offer-${offer.id}`)).toEqual(['1:OfferPublished', '2:OfferUpdated']);
    const types = new Set(envelopes.map((e) => e.type));
    for (const type of ['AvailabilitySet', 'HelpRequestDeclined', 'WorkedTogetherConfirmed', 'SeekerBlocked']) {
      expect(types).toContain(type);
    }
    for (const type of internal) expect(types).not.toContain(type);
    const completed = envelopes.find((e) => e.type === 'HelpRequestCompleted')!;
    expect(completed.data).toMatchObject({ kind: 'ADVICE_CALL', mentorId: mentor.id, seekerId: sam.id });
    expect(completed.metadata).toMatchObject({ actor: mentor.id, causationId: null });
  });
});
