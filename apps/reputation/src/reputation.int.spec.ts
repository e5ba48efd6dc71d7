import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import kafkajs from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { deadLetterTopic, memberStreamId, type EventEnvelope } from '@payforward/contracts';
import { createKafkaClient, ensureTopics } from '@payforward/messaging';
import { createLogger, loadServiceConfig, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, deleteKafkaResources, kafkaBrokers, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import { IdentityEventsConsumer } from './reputation/member-registered/identity-events.consumer.js';
import { REPUTATION_MIGRATIONS } from './migrations/index.js';
import { ReputationModule } from './reputation.module.js';

const jwt: JwtConfig = { secret: 'reputation-int-spec-secret-0123456789abcdef', expiresIn: '5m', issuer: 'payforward' };
const suffix = uniqueSuffix();
const topic = `spec.identity.member.${suffix}`;
const groupId = `reputation.spec.${suffix}`;

let db: TestDatabase;
let app: NestFastifyApplication;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return response.json() as { data?: Record<string, any> | null; errors?: { extensions: Record<string, unknown> }[] };
}

const memberRegistered = (memberId: string): EventEnvelope => ({
  id: uuidv7(),
  type: 'MemberRegistered',
  streamId: memberStreamId(memberId),
  version: 1,
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
  metadata: { actor: memberId, correlationId: `spec-${suffix}`, causationId: null },
  data: { memberId, email: `m-${suffix}@example.com`, displayName: 'Mo', headline: null, timezone: 'UTC', roles: ['MEMBER'] },
});

beforeAll(async () => {
  db = await createTestDatabase('reputation', undefined, 4);
  const config = { ...loadServiceConfig('reputation'), database: pgSettings(db.name) };
  await runMigrations(config.database, REPUTATION_MIGRATIONS);
  await ensureTopics(kafkaBrokers(), [{ name: topic, partitions: 1 }]);
  const moduleRef = await Test.createTestingModule({
    imports: [ReputationModule.forRoot({ config, jwt, logger: createLogger('reputation-spec', 'silent'), groupId, identityTopic: topic })],
  }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
  await deleteKafkaResources({ topics: [topic, deadLetterTopic(groupId)], groups: [groupId] });
}, 60_000);

describe('reputation: the MemberRegistered projection', () => {
  it('given MemberRegistered delivered twice, when consumed, then one Newcomer row with score 0 and the event counted once', async () => {
    const memberId = uuidv7();
    const envelope = memberRegistered(memberId);
    const producer = createKafkaClient({ brokers: kafkaBrokers(), clientId: `spec-${suffix}` }).producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      // The same message twice: what a relay crash between send and mark, or a rebalance, produces.
      const message = { key: envelope.streamId, value: JSON.stringify(envelope) };
      await producer.send({ topic, messages: [message] });
      await producer.send({ topic, messages: [message] });
    } finally {
      await producer.disconnect();
    }

    const consumer = app.get(IdentityEventsConsumer);
    // At least both deliveries; a rebalance on the shared broker may add redeliveries, never applications.
    await waitFor(() => consumer.stats().processed + consumer.stats().duplicates >= 2, { timeoutMs: 60_000, what: 'both deliveries' });
    expect(consumer.stats()).toMatchObject({ processed: 1, deadLettered: 0 });
    expect(consumer.stats().duplicates).toBeGreaterThanOrEqual(1);

    const rows = await db.pool.query('SELECT member_id, score, level, badges, paid_forward_count FROM reputations');
    expect(rows.rows).toEqual([{ member_id: memberId, score: 0, level: 'Newcomer', badges: [], paid_forward_count: 0 }]);
    const processed = await db.pool.query('SELECT event_id FROM processed_events WHERE consumer_group = $1', [groupId]);
    expect(processed.rows).toEqual([{ event_id: envelope.id }]);

    const { data, errors } = await gql(
      'query($id: ID!) { reputation(memberId: $id) { member { id } score level badges paidForwardCount ledger(first: 5) { totalCount nodes { id } hasNextPage endCursor } } }',
      { id: memberId },
    );
    expect(errors).toBeUndefined();
    expect(data!.reputation).toEqual({
      member: { id: memberId },
      score: 0,
      level: 'Newcomer',
      badges: [],
      paidForwardCount: 0,
      ledger: { totalCount: 0, nodes: [], hasNextPage: false, endCursor: null },
    });

    // What the gateway asks when a query reaches Member.reputation from identity's side.
    const entities = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { reputation { score level } } } }',
      { r: [{ __typename: 'Member', id: memberId }] },
    );
    expect(entities.data!._entities).toEqual([{ reputation: { score: 0, level: 'Newcomer' } }]);
  }, 90_000);

  it('given a member the projection has not seen, when asking for their reputation, then null', async () => {
    expect((await gql('query($id: ID!) { reputation(memberId: $id) { score } }', { id: uuidv7() })).data).toEqual({ reputation: null });
  });

  it('given a ledger page size out of bounds, when asking, then BAD_USER_INPUT on first', async () => {
    const memberId = (await db.pool.query('SELECT member_id FROM reputations LIMIT 1')).rows[0].member_id;
    const { errors } = await gql('query($id: ID!) { reputation(memberId: $id) { ledger(first: 0) { totalCount } } }', { id: memberId });
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } })]);
  });

  it('serves a subgraph SDL that extends Member by its key', async () => {
    const { data } = await gql('{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type Member\s+@extends\s+@key\(fields: "id"\)\s*\{\s+id: ID! @external\s+reputation: Reputation/);
  });
});
