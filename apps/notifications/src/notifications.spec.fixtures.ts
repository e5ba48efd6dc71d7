import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import kafkajs from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { deadLetterTopic, helpRequestStreamId, memberStreamId, validateEnvelope, type EventEnvelope, type HelpKind } from '@payforward/contracts';
import { createKafkaClient, ensureTopics } from '@payforward/messaging';
import { createLogger, JwtTokens, loadServiceConfig, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, deleteKafkaResources, kafkaBrokers, uniqueSuffix, waitFor, type TestDatabase } from '@payforward/testing';
import { NOTIFICATIONS_MIGRATIONS } from './migrations/index.js';
import { NotificationsModule, type NotificationsModuleOptions } from './notifications.module.js';
import type { NotificationsSettings } from './notifications.settings.js';

/** Test-only helpers of the notifications integration specs: real PostgreSQL, real broker, unique topics and groups. */

export const jwt: JwtConfig = { secret: 'notifications-int-spec-secret-0123456789abcdef', expiresIn: '15m', issuer: 'payforward' };
const tokens = new JwtTokens(jwt);
export const tokenFor = (memberId: string): Promise<string> => tokens.issue({ memberId, roles: ['MEMBER'] });

export type SpecTopics = NotificationsSettings['topics'];

export async function createSpecTopics(suffix: string): Promise<SpecTopics> {
  const topics = {
    identity: `spec.${suffix}.identity.member.v1`,
    helpRequest: `spec.${suffix}.marketplace.help-request.v1`,
    reputation: `spec.${suffix}.reputation.admin.v1`,
    flags: `spec.${suffix}.reputation.flags.v1`,
  };
  await ensureTopics(kafkaBrokers(), [
    { name: topics.identity, partitions: 3 },
    { name: topics.helpRequest, partitions: 3 },
    { name: topics.reputation, partitions: 1 },
    { name: topics.flags, partitions: 3 },
  ]);
  return topics;
}

export interface GqlResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

export interface SpecNotifications {
  app: NestFastifyApplication;
  db: TestDatabase;
  groupId: string;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult>;
  /** Waits until the consumer processed every one of these events. */
  applied(events: readonly EventEnvelope[]): Promise<void>;
  close(): Promise<void>;
}

/** `extra`: e-mail options (the spec's SMTP server, a clock); by default the spec's service sends no mail and runs no digest job. */
export async function startNotifications(name: string, topics: SpecTopics, extra: Partial<NotificationsModuleOptions> = {}): Promise<SpecNotifications> {
  const db = await createTestDatabase(`notifications_${name}`, undefined, 4);
  const groupId = `notifications.spec.${name}.${uniqueSuffix()}`;
  const config = { ...loadServiceConfig('notifications'), database: pgSettings(db.name) };
  await runMigrations(config.database, NOTIFICATIONS_MIGRATIONS);
  const moduleRef = await Test.createTestingModule({
    imports: [
      NotificationsModule.forRoot({
        config,
        jwt,
        logger: createLogger(`notifications-spec-${name}`, process.env.SPEC_LOG_LEVEL ?? 'silent'),
        topics,
        groupId,
        ...extra,
        mail: { send: false, ...extra.mail },
        digest: { run: false, ...extra.digest },
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
      const ids = events.map((e) => e.id);
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
      await db.drop();
      await deleteKafkaResources({ groups: [groupId], topics: [deadLetterTopic(groupId)] });
    },
  };
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

/** A valid envelope by the contracts' schemas, or the spec fails here. */
export function envelope(type: string, streamId: string, version: number, occurredAt: string, data: Record<string, unknown>, actor: string): EventEnvelope {
  const candidate = { id: uuidv7(), type, streamId, version, occurredAt, schemaVersion: 1, metadata: { actor, correlationId: 'notifications-spec', causationId: null }, data };
  const check = validateEnvelope(candidate);
  if (!check.ok) throw new Error(`spec built an invalid ${type}: ${check.reason}`);
  return check.envelope;
}

export const registered = (memberId: string, displayName: string, at: string, roles: string[] = ['MEMBER'], email = `${memberId}@example.com`, timezone = 'UTC'): EventEnvelope =>
  envelope('MemberRegistered', memberStreamId(memberId), 1, at, { memberId, email, displayName, headline: null, timezone, roles }, memberId);

export const erased = (memberId: string, at: string): EventEnvelope =>
  envelope('MemberErased', memberStreamId(memberId), 2, at, { memberId, erasedBy: 'SELF', adminId: null, reason: null, erasedAt: at }, memberId);

/** One help request and the marketplace events it can produce, versions in order. */
export function helpRequest(mentorId: string, seekerId: string, kind: HelpKind = 'ADVICE_CALL', introTargetId: string | null = null) {
  const ids = { requestId: uuidv7(), offerId: uuidv7(), mentorId, seekerId, kind };
  const streamId = helpRequestStreamId(ids.requestId);
  let version = 0;
  const next = (type: string, at: string, data: Record<string, unknown>, actor: string) => envelope(type, streamId, ++version, at, { ...ids, ...data }, actor);
  const scheduled = kind === 'ADVICE_CALL' || kind === 'MOCK_INTERVIEW';
  return {
    ids,
    submitted: (at: string) =>
      next(
        'HelpRequestSubmitted',
        at,
        {
          message: 'I would love an hour on moving from support into product management.',
          goal: 'Plan my first product role',
          introTargetId,
          durationMinutes: scheduled ? 30 : null,
          referral: null,
          submittedAt: at,
          expiresAt: new Date(Date.parse(at) + 7 * 86_400_000).toISOString(),
        },
        seekerId,
      ),
    accepted: (at: string) =>
      next('HelpRequestAccepted', at, { scheduledAt: scheduled ? at : null, durationMinutes: scheduled ? 30 : null, capacityPeriodKey: '2026-W10', acceptedAt: at }, mentorId),
    declined: (at: string) => next('HelpRequestDeclined', at, { reason: 'NO_CAPACITY', note: null, guidance: 'Try another mentor.', declinedAt: at }, mentorId),
    expired: (at: string) => next('HelpRequestExpired', at, { guidance: 'Mentors are busy; try one with places left this week.', expiredAt: at }, 'system'),
    vouched: (at: string) =>
      next('ReferralVouched', at, { statement: 'Worked with them for two years on the data platform.', basis: { completedEngagementsWithGoodRating: 1, workedTogetherConfirmed: false }, vouchedAt: at }, mentorId),
    completed: (at: string) => next('HelpRequestCompleted', at, { scheduledAt: null, completedAt: at }, mentorId),
  };
}

export const march = (day: number, hour = 10): string => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
