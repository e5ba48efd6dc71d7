import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import kafkajs from 'kafkajs';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { deadLetterTopic, helpRequestStreamId, type EventEnvelope } from '@payforward/contracts';
import { createKafkaClient, ensureTopics } from '@payforward/messaging';
import { createLogger, JwtTokens, loadServiceConfig, pgSettings, PG_POOL, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, deleteKafkaResources, kafkaBrokers, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import { IdentityModule } from '../identity.module.js';
import { IDENTITY_MIGRATIONS } from '../migrations/index.js';
import { ContactGrantsConsumer } from './contact-grants.consumer.js';

jest.setTimeout(90_000);

const jwt: JwtConfig = { secret: 'contact-grants-int-spec-secret-0123456789abcdef', expiresIn: '5m', issuer: 'payforward' };
const suffix = uniqueSuffix();
const topic = `spec.help-request.${suffix}`;
const groupId = `identity.contact-grants.spec.${suffix}`;

let db: TestDatabase;
let app: NestFastifyApplication;
let consumer: ContactGrantsConsumer;
const people: Record<'mentor' | 'seeker' | 'target' | 'stranger', { id: string; token: string; email: string }> = {} as never;
let adminToken: string;

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  return response.json() as { data?: Record<string, any> | null; errors?: unknown[] };
}

const contactOf = async (subjectId: string, token?: string) =>
  (await gql('query($id: ID!) { member(id: $id) { contact { email } } }', { id: subjectId }, token)).data!.member.contact;

const ids = () => ({ requestId: uuidv7(), offerId: uuidv7(), mentorId: people.mentor.id, seekerId: people.seeker.id });
const envelope = (type: string, requestId: string, data: Record<string, unknown>): EventEnvelope => ({
  id: uuidv7(),
  type,
  streamId: helpRequestStreamId(requestId),
  version: 2,
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
  metadata: { actor: people.mentor.id, correlationId: `spec-${suffix}`, causationId: null },
  data,
});

async function publish(...envelopes: EventEnvelope[]): Promise<void> {
  const producer = createKafkaClient({ brokers: kafkaBrokers(), clientId: `spec-${suffix}` }).producer({
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (const e of envelopes) await producer.send({ topic, messages: [{ key: e.streamId, value: JSON.stringify(e) }] });
  } finally {
    await producer.disconnect();
  }
}

const handled = () => consumer.stats().processed + consumer.stats().duplicates + consumer.stats().deadLettered;
const grants = async () => (await db.pool.query('SELECT viewer_id, subject_id, basis FROM contact_grants')).rows;

beforeAll(async () => {
  db = await createTestDatabase('identity_grants', undefined, 4);
  const config = { ...loadServiceConfig('identity'), database: pgSettings(db.name) };
  await runMigrations(config.database, IDENTITY_MIGRATIONS);
  await ensureTopics(kafkaBrokers(), [{ name: topic, partitions: 1 }]);
  const moduleRef = await Test.createTestingModule({
    imports: [
      IdentityModule.forRoot({ config, jwt, logger: createLogger('grants-spec', 'silent'), relay: false, contactGrants: { groupId, topic } }),
    ],
  }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  consumer = app.get(ContactGrantsConsumer);

  for (const name of ['mentor', 'seeker', 'target', 'stranger'] as const) {
    const email = `${name}-${suffix}@example.com`;
    const { data } = await gql('mutation($i: RegisterInput!) { register(input: $i) { token member { id } } }', {
      i: { email, password: 'a long enough password', displayName: name, timezone: 'UTC' },
    });
    people[name] = { id: data!.register.member.id, token: data!.register.token, email };
  }
  adminToken = await new JwtTokens(jwt).issue({ memberId: uuidv7(), roles: ['MEMBER', 'ADMIN'] });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  await deleteKafkaResources({ topics: [topic, deadLetterTopic(groupId)], groups: [groupId] });
});

describe('identity: contact privacy from marketplace events', () => {
  it('given no accepted request, when others ask for a member, then only the member themself and an admin see the contact', async () => {
    expect(await contactOf(people.seeker.id)).toBeNull();
    expect(await contactOf(people.seeker.id, people.stranger.token)).toBeNull();
    expect(await contactOf(people.seeker.id, people.mentor.token)).toBeNull();
    expect(await contactOf(people.seeker.id, people.seeker.token)).toEqual({ email: people.seeker.email });
    expect(await contactOf(people.seeker.id, adminToken)).toEqual({ email: people.seeker.email });
  });

  it('given HelpRequestAccepted delivered twice, when consumed, then mentor and seeker are granted each other once and strangers still see nothing', async () => {
    const d = ids();
    const accepted = envelope('HelpRequestAccepted', d.requestId, {
      ...d,
      kind: 'ADVICE_CALL',
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: 30,
      capacityPeriodKey: '2026-W48',
      acceptedAt: new Date().toISOString(),
    });
    const before = handled();
    // The same message twice: what a relay crash between send and mark produces.
    await publish(accepted, accepted);
    await waitFor(() => handled() >= before + 2, { timeoutMs: 60_000, what: 'both deliveries' });
    expect(consumer.stats()).toMatchObject({ processed: 1, deadLettered: 0 });

    const { mentor, seeker, stranger } = people;
    const rows = await grants();
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { viewer_id: mentor.id, subject_id: seeker.id, basis: 'REQUEST_ACCEPTED' },
        { viewer_id: seeker.id, subject_id: mentor.id, basis: 'REQUEST_ACCEPTED' },
      ]),
    );
    const processed = await db.pool.query('SELECT event_id FROM processed_events WHERE consumer_group = $1', [groupId]);
    expect(processed.rows).toEqual([{ event_id: accepted.id }]);

    expect(await contactOf(seeker.id, mentor.token)).toEqual({ email: seeker.email });
    expect(await contactOf(mentor.id, seeker.token)).toEqual({ email: mentor.email });
    expect(await contactOf(seeker.id, stranger.token)).toBeNull();
    expect(await contactOf(mentor.id)).toBeNull();
  });

  it('given an accepted request, when it completes, then the counterparts keep each other’s contact', async () => {
    const d = ids();
    const before = handled();
    await publish(envelope('HelpRequestCompleted', d.requestId, { ...d, kind: 'RESUME_REVIEW', scheduledAt: null, completedAt: new Date().toISOString() }));
    await waitFor(() => handled() >= before + 1, { timeoutMs: 60_000, what: 'the completion' });
    expect(await grants()).toHaveLength(2);
    expect(await contactOf(people.seeker.id, people.mentor.token)).toEqual({ email: people.seeker.email });
  });

  it('given an intro whose target consented, when consumed, then seeker and target see each other but the mentor does not see the target', async () => {
    const { mentor, seeker, target } = people;
    expect(await contactOf(target.id, seeker.token)).toBeNull();
    const d = ids();
    const before = handled();
    await publish(
      envelope('IntroConsented', d.requestId, { ...d, kind: 'INTRO', introTargetId: target.id, consent: true, respondedAt: new Date().toISOString() }),
    );
    await waitFor(() => handled() >= before + 1, { timeoutMs: 60_000, what: 'the consent' });

    expect(await contactOf(target.id, seeker.token)).toEqual({ email: target.email });
    expect(await contactOf(seeker.id, target.token)).toEqual({ email: seeker.email });
    expect(await contactOf(target.id, mentor.token)).toBeNull();
    expect(await contactOf(mentor.id, target.token)).toBeNull();
  });

  it('given many members in one gateway entity fetch, when contacts resolve, then the members and their grants are read in one query each', async () => {
    const pool = app.get<pg.Pool>(PG_POOL);
    const spy = jest.spyOn(pool, 'query');
    const { mentor, seeker, target, stranger } = people;
    const { data, errors } = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id contact { email } } } }',
      { r: [mentor, target, stranger, seeker].map((m) => ({ __typename: 'Member', id: m.id })) },
      seeker.token,
    );
    const names = spy.mock.calls.map(([q]) => (q as { name?: string }).name);
    spy.mockRestore();
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: mentor.id, contact: { email: mentor.email } },
      { id: target.id, contact: { email: target.email } },
      { id: stranger.id, contact: null },
      { id: seeker.id, contact: { email: seeker.email } },
    ]);
    expect(names.filter((n) => n === 'identity-find-members')).toHaveLength(1);
    expect(names.filter((n) => n === 'identity-granted-subjects')).toHaveLength(1);
  });

  it('given a reference to a member identity has no record of, when the gateway fetches it, then it resolves as an unknown member with nothing personal', async () => {
    // Another subgraph's projection may hold such an id (a topic shared with another deployment): the leaderboard
    // row naming it must not fail the whole response over Reputation.member being non-null.
    const unknown = uuidv7();
    const { data, errors } = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id displayName headline roles suspended contact { email } } } }',
      { r: [{ __typename: 'Member', id: unknown }, { __typename: 'Member', id: people.mentor.id }] },
      adminToken,
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: unknown, displayName: 'Unknown member', headline: null, roles: [], suspended: false, contact: null },
      expect.objectContaining({ id: people.mentor.id, contact: { email: people.mentor.email } }),
    ]);
  });
});
