import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TOPICS } from '@payforward/contracts';
import { createLogger, loadServiceConfig, PersonalDataCodec, pgSettings, runMigrations, type JwtConfig } from '@payforward/platform';
import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import { IdentityModule } from './identity.module.js';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';

const jwt: JwtConfig = { secret: 'identity-int-spec-secret-0123456789abcdef', expiresIn: '5m', issuer: 'payforward' };

let db: TestDatabase;
let app: NestFastifyApplication;

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  return response.json() as { data?: Record<string, any> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { token member { id displayName headline timezone roles suspended contact { email } } }
}`;

const input = (over: Record<string, unknown> = {}) => ({
  email: 'Dana@Example.com',
  password: 'correct horse battery',
  displayName: 'Dana',
  headline: 'Staff engineer',
  timezone: 'Europe/Berlin',
  ...over,
});

const count = async (sql: string) => Number((await db.pool.query(sql)).rows[0].n);

beforeAll(async () => {
  db = await createTestDatabase('identity', undefined, 4);
  const config = { ...loadServiceConfig('identity'), database: pgSettings(db.name) };
  await runMigrations(config.database, IDENTITY_MIGRATIONS);
  const moduleRef = await Test.createTestingModule({
    imports: [IdentityModule.forRoot({ config, jwt, logger: createLogger('identity-spec', 'silent'), relay: false, contactGrants: false })],
  }).compile();
  app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
}, 60_000);

describe('identity: register', () => {
  it('given a new e-mail, when registering, then MemberRegistered is appended with its outbox row, without any credential', async () => {
    const { data, errors } = await gql(REGISTER, { input: input() });
    expect(errors).toBeUndefined();
    const { token, member } = data!.register;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(member).toEqual({
      id: expect.any(String),
      displayName: 'Dana',
      headline: 'Staff engineer',
      timezone: 'Europe/Berlin',
      roles: ['MEMBER'],
      suspended: false,
      contact: { email: 'dana@example.com' }, // the caller just proved to be this member
    });

    // Personal fields are stored (and published) sealed with the member's key (ADR 010); the rest reads as it is.
    const sealed = (value: string) => expect.stringMatching(new RegExp(`^pf:enc:v1:${value}:`));
    const events = await db.pool.query('SELECT event_id, stream_id, version, type, data, metadata FROM es_events');
    expect(events.rows).toEqual([
      expect.objectContaining({
        stream_id: `member-${member.id}`,
        version: 1,
        type: 'MemberRegistered',
        data: { memberId: member.id, email: sealed(member.id), displayName: sealed(member.id), headline: sealed(member.id), timezone: 'Europe/Berlin', roles: ['MEMBER'] },
      }),
      // Registration also asks for the address to be verified (ADR 019): address and token sealed too.
      expect.objectContaining({
        stream_id: `member-${member.id}`,
        version: 2,
        type: 'EmailVerificationRequested',
        data: { memberId: member.id, email: sealed(member.id), token: sealed(member.id), expiresAt: expect.any(String) },
      }),
    ]);
    const codec = app.get(PersonalDataCodec);
    expect((await codec.unsealData('MemberRegistered', events.rows[0].data)).displayName).toBe('Dana');
    const outbox = await db.pool.query('SELECT event_id, topic, payload::text AS payload FROM es_outbox ORDER BY position');
    expect(outbox.rows).toEqual(events.rows.map((e) => expect.objectContaining({ event_id: e.event_id, topic: TOPICS.identityMember })));
    for (const row of outbox.rows) expect(row.payload).not.toMatch(/argon|password|correct horse|dana|staff engineer/i);
    const hash = await db.pool.query('SELECT password_hash FROM credentials WHERE member_id = $1', [member.id]);
    expect(hash.rows[0].password_hash).toMatch(/^\$argon2id\$/);

    const me = await gql('{ me { id contact { email } } }', {}, token);
    expect(me.data!.me).toEqual({ id: member.id, contact: { email: 'dana@example.com' } });
    const anonymous = await gql('query($id: ID!) { member(id: $id) { id displayName contact { email } } }', { id: member.id });
    expect(anonymous.data!.member).toEqual({ id: member.id, displayName: 'Dana', contact: null });
  }, 30_000);

  it('given a registered e-mail, when registering it again in another case, then CONFLICT on email and nothing is written', async () => {
    const tables = ['es_events', 'es_outbox', 'credentials', 'account_tokens'];
    const counts = () => Promise.all(tables.map((t) => count(`SELECT count(*) AS n FROM ${t}`)));
    const before = await counts();
    const { data, errors } = await gql(REGISTER, { input: input({ email: 'DANA@example.COM', displayName: 'Other' }) });
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', field: 'email' } })]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['timezone', { timezone: 'Mars/Olympus' }],
    ['displayName', { displayName: '' }],
    ['password', { password: 'short' }],
    ['email', { email: 'not-an-email' }],
  ])('given an invalid %s, when registering, then BAD_USER_INPUT names the field and nothing is written', async (field, over) => {
    const before = await count('SELECT count(*) AS n FROM member_emails');
    const { errors } = await gql(REGISTER, { input: input({ email: `${field}@example.com`, ...over }) });
    expect(errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field } })]);
    expect(await count('SELECT count(*) AS n FROM member_emails')).toBe(before);
  });
});

describe('identity: login and the subgraph schema', () => {
  it('given a registered member, when logging in, then the right password gets a token and a wrong one or an unknown e-mail the same UNAUTHENTICATED', async () => {
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { displayName } } }';
    const ok = await gql(LOGIN, { e: ' dana@EXAMPLE.com', p: 'correct horse battery' });
    expect(ok.data!.login).toEqual({ token: expect.any(String), member: { displayName: 'Dana' } });

    const wrong = await gql(LOGIN, { e: 'dana@example.com', p: 'wrong password' });
    const unknown = await gql(LOGIN, { e: 'nobody@example.com', p: 'wrong password' });
    expect(wrong.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(unknown.errors).toEqual(wrong.errors);
  }, 30_000);

  it('given a forged token, when asking for me, then UNAUTHENTICATED rather than an anonymous answer', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const me = await gql('{ me { id } }', {}, forged);
    expect(me.data).toEqual({ me: null });
    expect(me.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  });

  it('serves a Federation v1 SDL in which Member is an entity keyed by id', async () => {
    const { data } = await gql('{ _service { sdl } }');
    expect(data!._service.sdl).toMatch(/type Member\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toMatch(/type Query @extends/);
  });

  it('answers liveness and readiness (database and broker)', async () => {
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ postgres: { status: 'up' }, kafka: { status: 'up' } });
  });
});
