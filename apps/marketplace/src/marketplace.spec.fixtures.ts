import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { v7 as uuidv7 } from 'uuid';
import { createLogger, JwtTokens, loadServiceConfig, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, MARKETPLACE_OPS, type TestDatabase } from '@payforward/testing';
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

export { ALWAYS_AVAILABLE, offerInput, REQUEST_FIELDS } from '@payforward/testing';
export const OPS = MARKETPLACE_OPS;

