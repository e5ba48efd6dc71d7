import 'reflect-metadata';
import { afterAll, beforeAll } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import kafkajs from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import {
  deadLetterTopic,
  helpRequestStreamId,
  memberStreamId,
  topicForEventType,
  validateEnvelope,
  type EventEnvelope,
  type HelpKind,
  type Party,
} from '@payforward/contracts';
import { createKafkaClient, ensureTopics } from '@payforward/messaging';
import { createLogger, JwtTokens, loadServiceConfig, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, deleteKafkaResources, kafkaBrokers, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import { REPUTATION_MIGRATIONS } from './migrations/index.js';
import { ReputationModule, type ReputationModuleOptions } from './reputation.module.js';
import type { ReputationSettings } from './reputation.settings.js';

/** Test-only helpers of the reputation integration specs: real PostgreSQL, real broker, unique topics and groups. */

export const jwt: JwtConfig = { secret: 'reputation-int-spec-secret-0123456789abcdef', expiresIn: '15m', issuer: 'payforward' };
const tokens = new JwtTokens(jwt);
export const tokenFor = (memberId: string, roles: string[] = ['MEMBER']): Promise<string> => tokens.issue({ memberId, roles });

export type SpecTopics = ReputationSettings['topics'];

/** The spec's own topics: the two marketplace/identity ones with 3 partitions, so partitions interleave as in production. */
export async function createSpecTopics(suffix: string): Promise<SpecTopics> {
  const topics = specTopicNames(suffix);
  await ensureTopics(kafkaBrokers(), [
    { name: topics.identity, partitions: 3 },
    { name: topics.helpRequest, partitions: 3 },
    { name: topics.admin, partitions: 1 },
    { name: specFlagsTopic(topics), partitions: 3 },
  ]);
  return topics;
}

/** Where the projection's FlagRaised announcements go in a spec (beside its admin topic). */
export const specFlagsTopic = (topics: SpecTopics): string => topics.admin.replace(/reputation\.admin\.v1$/, 'reputation.flags.v1');

const specTopicNames = (suffix: string): SpecTopics => ({
  identity: `spec.${suffix}.identity.member.v1`,
  helpRequest: `spec.${suffix}.marketplace.help-request.v1`,
  admin: `spec.${suffix}.reputation.admin.v1`,
});

/** The service's own events go to the spec's topics; anything else to the registry's (never used by these specs). */
export const adminTopicFor = (topics: SpecTopics) => (type: string) => {
  const registered = topicForEventType(type);
  if (registered === 'reputation.admin.v1') return topics.admin;
  return registered === 'reputation.flags.v1' ? specFlagsTopic(topics) : registered;
};

export interface GqlResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

export interface SpecReputation {
  app: NestFastifyApplication;
  db: TestDatabase;
  groupId: string;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult>;
  /** Waits until the projection applied every one of these events (their ids are processed). */
  applied(events: readonly (EventEnvelope | string)[]): Promise<void>;
  close(): Promise<void>;
}

export async function startReputation(
  name: string,
  topics: SpecTopics,
  options: Omit<ReputationModuleOptions, 'config' | 'jwt' | 'logger' | 'topics'> = {},
  /** Another instance's database, to run two instances of one service (the owner drops it). */
  shared?: TestDatabase,
): Promise<SpecReputation> {
  const db = shared ?? (await createTestDatabase(`reputation_${name}`, undefined, 4));
  const groupId = options.groupId ?? `reputation.spec.${name}.${uniqueSuffix()}`;
  const config = { ...loadServiceConfig('reputation'), database: pgSettings(db.name) };
  await runMigrations(config.database, REPUTATION_MIGRATIONS);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ReputationModule.forRoot({
        config,
        jwt,
        // SPEC_LOG_LEVEL=info shows the service's logs when a spec needs looking into.
        logger: createLogger(`reputation-spec-${name}`, process.env.SPEC_LOG_LEVEL ?? 'silent'),
        topics,
        topicFor: adminTopicFor(topics),
        adminReadYourWritesMs: 30_000,
        ...options,
        groupId,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    db,
    groupId,
    async gql(query, variables = {}, token) {
      const headers = token ? { authorization: `Bearer ${token}` } : undefined;
      const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } });
      return response.json() as GqlResult;
    },
    async applied(events) {
      const ids = events.map((e) => (typeof e === 'string' ? e : e.id));
      await waitFor(
        async () => {
          const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM processed_events WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])', [groupId, ids]);
          return rows[0].n === new Set(ids).size;
        },
        { timeoutMs: 90_000, what: `${ids.length} events applied by ${groupId}` },
      );
    },
    async close() {
      await app.close();
      if (shared) return; // the owner cleans up, after every instance left the group
      await db.drop();
      await deleteKafkaResources({ groups: [groupId], topics: [deadLetterTopic(groupId)] });
    },
  };
}

/**
 * One reputation instance for a whole spec file, on its own topics: started before the file's
 * tests (hooks a spec adds after this call run after the start), stopped after them. `r`
 * reaches the running instance lazily, so a spec can use it from the top level.
 */
export function useReputation(name: string): { topics: SpecTopics; r: SpecReputation } {
  const suffix = uniqueSuffix();
  const topics = specTopicNames(suffix);
  let started: SpecReputation | undefined;
  beforeAll(async () => {
    await createSpecTopics(suffix);
    started = await startReputation(name, topics);
  }, 90_000);
  afterAll(async () => {
    await started?.close();
    await deleteSpecTopics(topics);
  }, 60_000);
  const current = (): SpecReputation => {
    if (!started) throw new Error('reputation is not started yet: use it inside a test or a later hook');
    return started;
  };
  const r: SpecReputation = {
    get app() { return current().app; },
    get db() { return current().db; },
    get groupId() { return current().groupId; },
    gql: (...args) => current().gql(...args),
    applied: (events) => current().applied(events),
    close: () => current().close(),
  };
  return { topics, r };
}

export async function deleteSpecTopics(topics: SpecTopics): Promise<void> {
  await deleteKafkaResources({ topics: [...Object.values(topics), specFlagsTopic(topics)] });
}

/** Publishes envelopes as their producers would: keyed by stream, in the order given. */
export async function publish(topic: string, envelopes: readonly EventEnvelope[]): Promise<void> {
  const producer = createKafkaClient({ brokers: kafkaBrokers(), clientId: `spec-publisher-${uniqueSuffix()}` }).producer({
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: envelopes.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })) });
  } finally {
    await producer.disconnect();
  }
}

/** A valid envelope by the contracts' schemas (as the producing service's append would write it), or the spec fails here. */
function envelope(type: string, streamId: string, version: number, occurredAt: string, data: Record<string, unknown>, actor: string): EventEnvelope {
  const candidate = { id: uuidv7(), type, streamId, version, occurredAt, schemaVersion: 1, metadata: { actor, correlationId: 'reputation-spec', causationId: null }, data };
  const check = validateEnvelope(candidate);
  if (!check.ok) throw new Error(`spec built an invalid ${type}: ${check.reason}`);
  return check.envelope;
}

export const registered = (memberId: string, displayName: string, at: string, roles: ('MEMBER' | 'ADMIN')[] = ['MEMBER']): EventEnvelope =>
  envelope('MemberRegistered', memberStreamId(memberId), 1, at, { memberId, email: `${memberId}@example.com`, displayName, headline: null, timezone: 'UTC', roles }, memberId);

/** Identity's suspension events as identity appends them (version 2 and 3 of the member's stream, after registration). */
export const suspendedEvent = (memberId: string, adminId: string, at: string, forFraud: boolean, version = 2): EventEnvelope =>
  envelope('MemberSuspended', memberStreamId(memberId), version, at, { memberId, reason: forFraud ? 'Fake sessions' : 'Rude messages', forFraud, adminId, suspendedAt: at }, adminId);
export const reinstatedEvent = (memberId: string, adminId: string, at: string, version = 3): EventEnvelope =>
  envelope('MemberReinstated', memberStreamId(memberId), version, at, { memberId, adminId, reinstatedAt: at }, adminId);

/** One help request between a mentor and a seeker, and the marketplace events it can produce (versions in order). */
export function helpRequest(mentorId: string, seekerId: string, kind: HelpKind = 'ADVICE_CALL') {
  const ids = { requestId: uuidv7(), offerId: uuidv7(), mentorId, seekerId, kind };
  const streamId = helpRequestStreamId(ids.requestId);
  let version = 2; // submitted and accepted come first (not reputation inputs)
  const next = (type: string, at: string, data: Record<string, unknown>, actor: string) => envelope(type, streamId, ++version, at, { ...ids, ...data }, actor);
  const scheduled = kind === 'ADVICE_CALL' || kind === 'MOCK_INTERVIEW';
  return {
    ids,
    completed: (at: string) => next('HelpRequestCompleted', at, { scheduledAt: scheduled ? at : null, completedAt: at }, mentorId),
    feedback: (rating: number, at: string) => next('FeedbackLeft', at, { side: 'SEEKER', rating, note: null, leftAt: at }, seekerId),
    noShow: (absent: Party, at: string) =>
      next('NoShowReported', at, { absent, reportedBy: absent === 'SEEKER' ? 'MENTOR' : 'SEEKER', scheduledAt: scheduled ? at : null, reportedAt: at }, mentorId),
    declined: (at: string) => next('HelpRequestDeclined', at, { reason: 'NO_CAPACITY', note: null, guidance: 'Try another mentor.', declinedAt: at }, mentorId),
  };
}

/** A day of March 2026 at an hour (UTC), as event time. */
export const march = (day: number, hour = 10): string => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
