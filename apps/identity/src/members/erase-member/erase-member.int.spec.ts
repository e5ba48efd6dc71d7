import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { ERASED_MEMBER_NAME, ERASED_TEXT } from '@payforward/contracts';
import { createLogger, loadServiceConfig, PersonalDataCodec, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, pgConfig, type TestDatabase } from '@payforward/testing';
import { IdentityModule } from '../../identity.module.js';
import { IDENTITY_MIGRATIONS } from '../../migrations/index.js';

/**
 * eraseMe / eraseMember on real PostgreSQL through the identity subgraph (ADR 010): who may
 * erase, what a refusal leaves (everything), and what an erasure leaves (a tombstoned key, an
 * "Erased member" row, no credentials, no e-mail, placeholders on every replay, refused tokens).
 */
jest.setTimeout(60_000);

const jwt: JwtConfig = { secret: 'identity-erasure-spec-secret-0123456789abcdef', expiresIn: '5m', issuer: 'payforward' };
const ADMIN = { email: 'admin@example.com', password: 'admin password 123', displayName: 'Ada Admin' };
const PASSWORD = 'correct horse battery';

let db: TestDatabase;
let keys: pg.Pool;
let app: NestFastifyApplication;

type Result = { data?: Record<string, any> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Result> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  return response.json() as Result;
}

const OPS = {
  register: `mutation($input: RegisterInput!) { register(input: $input) { token member { id } } }`,
  login: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { id } } }`,
  eraseMe: `mutation($p: String!) { eraseMe(password: $p) }`,
  eraseMember: `mutation($id: ID!, $r: String!) { eraseMember(memberId: $id, reason: $r) }`,
  update: `mutation($d: String) { updateProfile(displayName: $d) { id displayName } }`,
  suspend: `mutation($id: ID!) { suspendMember(memberId: $id, reason: "spam") { id } }`,
  member: `query($id: ID!) { member(id: $id) { id displayName headline timezone roles contact { email } } }`,
  me: `{ me { id } }`,
};

interface Member {
  id: string;
  token: string;
  email: string;
}

let counter = 0;
async function register(name: string): Promise<Member> {
  const email = `${name.toLowerCase()}-${++counter}@example.com`;
  const { data, errors } = await gql(OPS.register, { input: { email, password: PASSWORD, displayName: name, headline: `${name}, staff engineer`, timezone: 'Europe/Berlin' } });
  expect(errors).toBeUndefined();
  return { id: data!.register.member.id, token: data!.register.token, email };
}

const codeOf = (result: Result) => ({ data: result.data ?? null, code: result.errors?.[0]?.extensions.code, field: result.errors?.[0]?.extensions.field });
const count = async (sql: string, values: unknown[] = []) => Number((await db.pool.query(sql, values)).rows[0].n);
const keyOf = async (memberId: string) => (await keys.query('SELECT wrapped_key, erased_at FROM member_keys WHERE member_id = $1', [memberId])).rows[0];
const eventsOf = async (memberId: string) =>
  (await db.pool.query('SELECT type, data FROM es_events WHERE stream_id = $1 ORDER BY version', [`member-${memberId}`])).rows as { type: string; data: Record<string, unknown> }[];
/** What a refused erasure must leave as it was. */
const snapshot = async (memberId: string) => ({
  events: await count('SELECT count(*) AS n FROM es_events'),
  row: (await db.pool.query('SELECT * FROM members WHERE id = $1', [memberId])).rows,
  credentials: await count('SELECT count(*) AS n FROM credentials WHERE member_id = $1', [memberId]),
  key: await keyOf(memberId),
});

let admin: Member;

beforeAll(async () => {
  db = await createTestDatabase('identity_erasure', undefined, 6);
  const config = { ...loadServiceConfig('identity'), database: pgSettings(db.name) };
  keys = new pg.Pool({ ...pgConfig(), database: config.encryption.keysDatabase.database, max: 2 });
  await runMigrations(config.database, IDENTITY_MIGRATIONS);
  const moduleRef = await Test.createTestingModule({
    imports: [IdentityModule.forRoot({ config, jwt, logger: createLogger('identity-erasure-spec', 'silent'), relay: false, contactGrants: false, adminBootstrap: ADMIN })],
  }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const { data } = await gql(OPS.login, { e: ADMIN.email, p: ADMIN.password });
  admin = { id: data!.login.member.id, token: data!.login.token, email: ADMIN.email };
}, 60_000);

afterAll(async () => {
  await app?.close();
  await keys?.end();
  await db?.drop();
}, 60_000);

describe('eraseMe', () => {
  it('given no token, or the wrong password, then UNAUTHENTICATED and nothing is erased', async () => {
    const dana = await register('Dana');
    const before = await snapshot(dana.id);
    expect(codeOf(await gql(OPS.eraseMe, { p: PASSWORD }))).toEqual({ data: null, code: 'UNAUTHENTICATED', field: undefined });
    expect(codeOf(await gql(OPS.eraseMe, { p: 'not the password' }, dana.token))).toEqual({ data: null, code: 'UNAUTHENTICATED', field: 'password' });
    expect(await snapshot(dana.id)).toEqual(before);
    expect(before.key.wrapped_key).not.toBeNull();
    expect((await gql(OPS.login, { e: dana.email, p: PASSWORD })).data?.login.member.id).toBe(dana.id);
  });

  it('given the right password, then the key is shredded, identity keeps no personal data, and every replay reads placeholders', async () => {
    const eve = await register('Evelina');
    await gql(OPS.update, { d: 'Evelina Q.' }, eve.token);
    expect((await gql(OPS.eraseMe, { p: PASSWORD }, eve.token)).data).toEqual({ eraseMe: true });

    expect(await keyOf(eve.id)).toEqual({ wrapped_key: null, erased_at: expect.any(Date) });
    const row = (await db.pool.query('SELECT email, display_name, headline, timezone, erased_at FROM members WHERE id = $1', [eve.id])).rows[0];
    expect(row).toEqual({ email: null, display_name: ERASED_MEMBER_NAME, headline: null, timezone: 'Europe/Berlin', erased_at: expect.any(Date) });
    expect(await count('SELECT count(*) AS n FROM credentials WHERE member_id = $1', [eve.id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM member_emails WHERE member_id = $1', [eve.id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM blocked_members WHERE member_id = $1 AND reason = 'ERASED'`, [eve.id])).toBe(1);

    const events = (await eventsOf(eve.id)).filter((e) => e.type !== 'EmailVerificationRequested');
    expect(events.map((e) => e.type)).toEqual(['MemberRegistered', 'MemberProfileUpdated', 'MemberErased']);
    expect(events[2]!.data).toEqual({ memberId: eve.id, erasedBy: 'SELF', adminId: null, reason: null, erasedAt: expect.any(String) });
    const stored = JSON.stringify(await db.pool.query('SELECT e.data, o.payload FROM es_events e JOIN es_outbox o USING (event_id) WHERE e.stream_id = $1', [`member-${eve.id}`]));
    expect(stored).not.toMatch(/evelina/i);
    const replay = await app.get(PersonalDataCodec).unsealEvents(events);
    expect(replay[0]!.data).toMatchObject({ email: ERASED_TEXT, displayName: ERASED_MEMBER_NAME, headline: null, timezone: 'Europe/Berlin' });
    expect(replay[1]!.data).toMatchObject({ displayName: ERASED_MEMBER_NAME, headline: null });

    const seenByAdmin = await gql(OPS.member, { id: eve.id }, admin.token);
    expect(seenByAdmin.data!.member).toEqual({ id: eve.id, displayName: ERASED_MEMBER_NAME, headline: null, timezone: 'Europe/Berlin', roles: ['MEMBER'], contact: null });
  });

  it('given an erased member, then their token is refused, they cannot log in, and their e-mail can register again as someone new', async () => {
    const gus = await register('Gus');
    expect((await gql(OPS.eraseMe, { p: PASSWORD }, gus.token)).data).toEqual({ eraseMe: true });
    const me = await gql(OPS.me, {}, gus.token);
    expect(me.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/erased/) });
    expect(codeOf(await gql(OPS.update, { d: 'Back again' }, gus.token)).code).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(OPS.eraseMe, { p: PASSWORD }, gus.token)).code).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(OPS.login, { e: gus.email, p: PASSWORD }))).toEqual({ data: null, code: 'UNAUTHENTICATED', field: undefined });

    const again = await gql(OPS.register, { input: { email: gus.email, password: PASSWORD, displayName: 'Gus', timezone: 'UTC' } });
    expect(again.errors).toBeUndefined();
    expect(again.data!.register.member.id).not.toBe(gus.id);
  });
});

describe('eraseMember (admin)', () => {
  it('given an anonymous caller or a member, then UNAUTHENTICATED or FORBIDDEN, and nothing is erased', async () => {
    const ivy = await register('Ivy');
    const other = await register('Other');
    const before = await snapshot(ivy.id);
    expect(codeOf(await gql(OPS.eraseMember, { id: ivy.id, r: 'asked by email' }))).toMatchObject({ data: null, code: 'UNAUTHENTICATED' });
    expect(codeOf(await gql(OPS.eraseMember, { id: ivy.id, r: 'asked by email' }, other.token))).toMatchObject({ data: null, code: 'FORBIDDEN' });
    expect(codeOf(await gql(OPS.eraseMember, { id: ivy.id, r: '   ' }, admin.token))).toEqual({ data: null, code: 'BAD_USER_INPUT', field: 'reason' });
    expect(codeOf(await gql(OPS.eraseMember, { id: '0193a0b4-6f1e-7c3a-9d2e-0000000000ff', r: 'asked by email' }, admin.token))).toMatchObject({ code: 'NOT_FOUND' });
    expect(codeOf(await gql(OPS.eraseMember, { id: admin.id, r: 'myself' }, admin.token))).toEqual({ data: null, code: 'CONFLICT', field: 'memberId' });
    expect(await snapshot(ivy.id)).toEqual(before);
  });

  it('given an admin with a reason, then the member is erased, the reason is sealed with the admin key, and any later write on them is FORBIDDEN', async () => {
    const kai = await register('Kai');
    expect((await gql(OPS.eraseMember, { id: kai.id, r: 'Asked us by e-mail to delete the account' }, admin.token)).data).toEqual({ eraseMember: true });
    const [, , erased] = await eventsOf(kai.id);
    expect(erased!.data).toEqual({ memberId: kai.id, erasedBy: 'ADMIN', adminId: admin.id, reason: expect.stringMatching(`^pf:enc:v1:${admin.id}:`), erasedAt: expect.any(String) });
    expect((await app.get(PersonalDataCodec).unsealData('MemberErased', erased!.data)).reason).toBe('Asked us by e-mail to delete the account');
    expect(await keyOf(kai.id)).toEqual({ wrapped_key: null, erased_at: expect.any(Date) });

    const events = await count('SELECT count(*) AS n FROM es_events');
    expect(codeOf(await gql(OPS.eraseMember, { id: kai.id, r: 'again' }, admin.token))).toEqual({ data: null, code: 'FORBIDDEN', field: 'memberId' });
    expect(codeOf(await gql(OPS.suspend, { id: kai.id }, admin.token))).toMatchObject({ data: null, code: 'FORBIDDEN' });
    expect(await count('SELECT count(*) AS n FROM es_events')).toBe(events);
  });
});
