import 'reflect-metadata';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, loadServiceConfig, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import { IdentityModule } from '../identity.module.js';
import { IDENTITY_MIGRATIONS } from '../migrations/index.js';

/**
 * Identity in-process for the account specs (not a spec itself): a fresh database, the real
 * module on Fastify with the first admin bootstrapped, and helpers to register, sign in and
 * check that a refused write left everything as it was.
 */

export const jwt: JwtConfig = { secret: 'identity-account-spec-secret-0123456789abcdef', expiresIn: '5m', issuer: 'payforward' };
export const ADMIN = { email: 'admin@example.com', password: 'admin password 123', displayName: 'Ada Admin' };
export const PASSWORD = 'correct horse battery';

export type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };

const MEMBER_FIELDS = 'id displayName headline timezone roles suspended';
export const OPS = {
  register: `mutation($input: RegisterInput!) { register(input: $input) { token member { id } } }`,
  login: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id roles } } }`,
  update: `mutation($d: String, $h: String, $t: String) { updateProfile(displayName: $d, headline: $h, timezone: $t) { ${MEMBER_FIELDS} } }`,
  grant: `mutation($id: ID!) { grantAdmin(memberId: $id) { ${MEMBER_FIELDS} } }`,
  suspend: `mutation($id: ID!, $r: String!, $f: Boolean) { suspendMember(memberId: $id, reason: $r, forFraud: $f) { ${MEMBER_FIELDS} } }`,
  reinstate: `mutation($id: ID!) { reinstateMember(memberId: $id) { ${MEMBER_FIELDS} } }`,
  me: `{ me { ${MEMBER_FIELDS} } }`,
};

export interface Member {
  id: string;
  token: string;
  email: string;
}

export interface IdentityAccounts {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** The bootstrapped first admin, signed in. */
  admin: Member;
  /** A request to the subgraph; `authorization` overrides the header built from `token`. */
  gql(query: string, variables?: Record<string, unknown>, token?: string, authorization?: string): Promise<Result>;
  register(name: string): Promise<Member>;
  login(email: string, password?: string): Promise<Result>;
  count(table: string): Promise<number>;
  /** The member's stream as stored. */
  eventsOf(memberId: string): Promise<Record<string, any>[]>;
  /** Everything a refused write must leave untouched. */
  snapshot(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The first error's code and field, with the data: what a refusal is checked against. */
export const refusal = (result: Result) => ({ data: result.data ?? null, code: result.errors?.[0]?.extensions.code, field: result.errors?.[0]?.extensions.field });

export async function startIdentityAccounts(name: string): Promise<IdentityAccounts> {
  const db = await createTestDatabase(`identity_${name}`, undefined, 6);
  const config = { ...loadServiceConfig('identity'), database: pgSettings(db.name) };
  await runMigrations(config.database, IDENTITY_MIGRATIONS);
  const moduleRef = await Test.createTestingModule({
    imports: [IdentityModule.forRoot({ config, jwt, logger: createLogger(`identity-${name}-spec`, 'silent'), relay: false, contactGrants: false, adminBootstrap: ADMIN })],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const gql: IdentityAccounts['gql'] = async (query, variables = {}, token, authorization) => {
    const auth = authorization ?? (token ? `Bearer ${token}` : undefined);
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json() as Result;
  };
  const login = (email: string, password = PASSWORD) => gql(OPS.login, { e: email, p: password });
  let counter = 0;
  const register = async (memberName: string): Promise<Member> => {
    const email = `${memberName.toLowerCase()}-${++counter}@example.com`;
    const { data, errors } = await gql(OPS.register, { input: { email, password: PASSWORD, displayName: memberName, headline: 'Engineer', timezone: 'Europe/Berlin' } });
    expect(errors).toBeUndefined();
    return { id: data!.register.member.id, token: data!.register.token, email };
  };
  const count = async (table: string): Promise<number> => Number((await db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  const signedIn = await login(ADMIN.email, ADMIN.password);
  return {
    app,
    db,
    admin: { id: signedIn.data!.login.member.id, token: signedIn.data!.login.token, email: ADMIN.email },
    gql,
    register,
    login,
    count,
    eventsOf: async (memberId) => (await db.pool.query('SELECT type, version, data, metadata FROM es_events WHERE stream_id = $1 ORDER BY version', [`member-${memberId}`])).rows,
    snapshot: async () => ({
      events: await count('es_events'),
      outbox: await count('es_outbox'),
      members: (await db.pool.query('SELECT * FROM members ORDER BY id')).rows,
      blocked: (await db.pool.query('SELECT * FROM blocked_members ORDER BY member_id')).rows,
    }),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * Starts identity before the file's tests and closes it after them. The helpers reach the
 * running instance lazily, so a spec can destructure them at the top level.
 */
export function useIdentityAccounts(name: string) {
  let started: IdentityAccounts | undefined;
  beforeAll(async () => {
    started = await startIdentityAccounts(name);
  }, 60_000);
  afterAll(async () => {
    await started?.close();
  }, 60_000);
  const identity = (): IdentityAccounts => {
    if (!started) throw new Error('identity is not started yet: use it inside a test');
    return started;
  };
  return {
    identity,
    admin: {
      get id() { return identity().admin.id; },
      get token() { return identity().admin.token; },
      get email() { return identity().admin.email; },
    } satisfies Member,
    gql: ((...args) => identity().gql(...args)) as IdentityAccounts['gql'],
    register: (memberName: string) => identity().register(memberName),
    login: (email: string, password?: string) => identity().login(email, password),
    count: (table: string) => identity().count(table),
    eventsOf: (memberId: string) => identity().eventsOf(memberId),
    snapshot: () => identity().snapshot(),
  };
}
