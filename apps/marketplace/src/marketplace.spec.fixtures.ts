import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { v7 as uuidv7 } from 'uuid';
import { createLogger, JwtTokens, loadServiceConfig, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import { recordMember } from './members/members.read-model.js';
import { MarketplaceModule, type MarketplaceModuleOptions } from './marketplace.module.js';
import { MARKETPLACE_MIGRATIONS } from './migrations/index.js';
import { ManualClock } from './shared/clock.js';

/**
 * The marketplace in-process for integration specs (not a spec itself): a fresh database,
 * the real module on Fastify, a clock the spec moves, and tokens signed with the spec's key.
 */
export const SPEC_JWT: JwtConfig = { secret: 'marketplace-int-spec-secret-0123456789abcdef', expiresIn: '10m', issuer: 'payforward' };

export type GqlResult = { data?: Record<string, any> | null; errors?: { message: string; path?: string[]; extensions: Record<string, unknown> }[] };

export interface SpecMarketplace {
  app: NestFastifyApplication;
  db: TestDatabase;
  clock: ManualClock;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult>;
  /** The data of an operation that must succeed. */
  ok(query: string, variables?: Record<string, unknown>, token?: string): Promise<Record<string, any>>;
  /** A member known to the marketplace (as if identity's MemberRegistered had arrived) and a token for them. */
  member(name?: string, options?: { timezone?: string; roles?: string[] }): Promise<{ id: string; token: string }>;
  /** A token for a member id (known to the marketplace or not). */
  tokenFor(memberId: string, roles?: string[]): Promise<string>;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/** A Wednesday morning, UTC: mid-week, so the week's capacity period has room on both sides. */
export const SPEC_START = new Date('2031-03-12T09:00:00.000Z');

export interface StartOptions extends Partial<MarketplaceModuleOptions> {
  /** Another instance on the database of an earlier one (closing it then leaves the database alone). */
  database?: TestDatabase;
}

export async function startMarketplace(prefix: string, { database, ...options }: StartOptions = {}): Promise<SpecMarketplace> {
  const db = database ?? (await createTestDatabase(`marketplace_${prefix}`, undefined, 4));
  const config = { ...loadServiceConfig('marketplace'), database: pgSettings(db.name) };
  if (!database) await runMigrations(config.database, MARKETPLACE_MIGRATIONS);
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock(SPEC_START);
  const moduleRef = await Test.createTestingModule({
    imports: [
      MarketplaceModule.forRoot({
        config,
        jwt: SPEC_JWT,
        logger: createLogger(`marketplace-${prefix}-spec`, process.env.SPEC_LOG_LEVEL ?? 'silent'),
        relay: false,
        consumeIdentity: false,
        expiryScanIntervalMs: 0,
        ...options,
        clock,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = new JwtTokens(SPEC_JWT);

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult> => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json() as GqlResult;
  };
  return {
    app,
    db,
    clock,
    gql,
    async ok(query, variables, token) {
      const { data, errors } = await gql(query, variables, token);
      if (errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(errors)}`);
      return data!;
    },
    async member(name = 'Member', { timezone = 'UTC', roles = ['MEMBER'] } = {}) {
      const id = uuidv7();
      await recordMember(db.pool, { memberId: id, displayName: name, timezone }, clock.now());
      return { id, token: await tokens.issue({ memberId: id, roles }) };
    },
    tokenFor: (memberId, roles = ['MEMBER']) => tokens.issue({ memberId, roles }),
    async eventCount() {
      return Number((await db.pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n);
    },
    async close() {
      await app.close();
      if (!database) await db.drop();
    },
  };
}

export const MESSAGE = 'Hi! I am moving from QA into backend engineering and would value an hour on how to plan the switch.';
export const GOAL = 'A concrete plan for my next three months.';

export const REQUEST_FIELDS = `id status message goal scheduledAt declineReason declineNote guidance vouchStatement referralOutcome
  createdAt updatedAt kind introConsent seeker { id } mentor { id } offer { id kind remainingCapacity }`;

export const OPS = {
  publish: `mutation($input: PublishOfferInput!) {
    publishOffer(input: $input) { id kind title description topics capacity period durationMinutes remainingCapacity status minCompletedEngagements mentor { id } }
  }`,
  availability: 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates } }',
  request: `mutation($input: RequestHelpInput!) { requestHelp(input: $input) { ${REQUEST_FIELDS} } }`,
  accept: `mutation($id: ID!, $at: DateTime) { acceptRequest(id: $id, scheduledAt: $at) { ${REQUEST_FIELDS} } }`,
  decline: `mutation($id: ID!, $reason: DeclineReason!, $note: String) { declineRequest(id: $id, reason: $reason, note: $note) { ${REQUEST_FIELDS} } }`,
  withdraw: `mutation($id: ID!) { withdrawRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  complete: `mutation($id: ID!) { completeRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  noShow: `mutation($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { ${REQUEST_FIELDS} } }`,
  feedback: `mutation($id: ID!, $rating: Int!, $note: String) { leaveFeedback(requestId: $id, rating: $rating, note: $note) { ${REQUEST_FIELDS} } }`,
  vouch: `mutation($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { ${REQUEST_FIELDS} } }`,
  outcome: `mutation($id: ID!, $outcome: ReferralOutcome!) { reportReferralOutcome(requestId: $id, outcome: $outcome) { ${REQUEST_FIELDS} } }`,
  intro: `mutation($id: ID!, $consent: Boolean!) { respondToIntro(requestId: $id, consent: $consent) { ${REQUEST_FIELDS} } }`,
  helpRequest: `query($id: ID!) { helpRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  relationship: `query($m: ID!, $s: ID!) { relationship(mentorId: $m, seekerId: $s) { mentor { id } seeker { id } completedEngagements workedTogether referralEligible } }`,
  dashboard: `{ mentorDashboard {
    offers { offer { id } used remaining periodStart periodEnd }
    pending { id createdAt } upcoming { id scheduledAt } availability { timezone windows { weekday start end } blackoutDates }
  } }`,
};

const OFFER_DEFAULTS: Record<string, Record<string, unknown>> = {
  ADVICE_CALL: { title: 'Backend career chat', topics: ['backend', 'career growth'], capacity: 3, period: 'WEEK', durationMinutes: 30 },
  MOCK_INTERVIEW: { title: 'System design mock interview', topics: ['system design'], capacity: 2, period: 'WEEK', durationMinutes: 60 },
  RESUME_REVIEW: { title: 'Résumé review for backend roles', topics: ['resume'], capacity: 5, period: 'MONTH' },
  INTRO: { title: 'Intros to engineering managers', topics: ['networking'], capacity: 2, period: 'MONTH' },
  REFERRAL: { title: 'Referral to my company', topics: ['referral'], capacity: 2, period: 'MONTH' },
};

export const offerInput = (kind: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind,
  description: `A bounded ${kind.toLowerCase().replace('_', ' ')} offer for the integration spec.`,
  ...OFFER_DEFAULTS[kind],
  ...over,
});

/** Windows covering every day in the mentor's zone: any slot not crossing midnight is bookable. */
export const ALWAYS_AVAILABLE = { windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })), blackoutDates: [] };
