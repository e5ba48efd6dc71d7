import 'reflect-metadata';
import { jest } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TOPICS } from '@payforward/contracts';
import { createLogger, loadServiceConfig, pgSettings, runMigrations, type JwtConfig, type ServiceConfig } from '@payforward/platform';
import { createTestDatabase, type TestDatabase } from '@payforward/testing';
import { IdentityModule } from '../../identity.module.js';
import { IDENTITY_MIGRATIONS } from '../../migrations/index.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';

jest.setTimeout(60_000);

const jwt: JwtConfig = { secret: 'admin-bootstrap-int-spec-secret-0123456789abcdef', expiresIn: '5m', issuer: 'payforward' };
const admin = { email: 'Admin@Example.com', password: 'admin password for the spec', displayName: 'Ada Admin' };

let db: TestDatabase;
let config: ServiceConfig;
const apps: NestFastifyApplication[] = [];

/** One identity instance on the spec's database, as `node dist/main.js` would start it. */
async function boot(adminBootstrap = admin): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      IdentityModule.forRoot({ config, jwt, logger: createLogger('admin-spec', 'silent'), relay: false, contactGrants: false, adminBootstrap }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  apps.push(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

async function gql(app: NestFastifyApplication, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  return response.json() as { data?: Record<string, any> | null; errors?: unknown[] };
}

beforeAll(async () => {
  db = await createTestDatabase('identity_admin', undefined, 4);
  config = { ...loadServiceConfig('identity'), database: pgSettings(db.name) };
  await runMigrations(config.database, IDENTITY_MIGRATIONS);
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await db?.drop();
});

describe('identity: first-admin bootstrap', () => {
  it('given PAYFORWARD_ADMIN_* settings, when two instances start at once and a third restarts later, then exactly one admin is registered', async () => {
    const [first] = await Promise.all([boot(), boot()]);
    await boot();

    const members = await db.pool.query('SELECT email, display_name, roles FROM members');
    expect(members.rows).toEqual([{ email: 'admin@example.com', display_name: 'Ada Admin', roles: ['MEMBER', 'ADMIN'] }]);
    const events = await db.pool.query("SELECT type, data, metadata FROM es_events WHERE type = 'MemberRegistered'");
    expect(events.rows).toEqual([
      expect.objectContaining({
        // The e-mail is sealed with the admin's own key like every member's (ADR 010).
        data: expect.objectContaining({ email: expect.stringMatching(/^pf:enc:v1:/), roles: ['MEMBER', 'ADMIN'] }),
        metadata: expect.objectContaining({ actor: 'system:admin-bootstrap' }),
      }),
    ]);
    // Through the outbox like every registration, so reputation and the marketplace hear of the admin.
    const outbox = await db.pool.query('SELECT topic FROM es_outbox');
    // MemberRegistered and EmailVerificationRequested (ADR 019).
    expect(outbox.rows).toEqual([{ topic: TOPICS.identityMember }, { topic: TOPICS.identityMember }]);

    const login = await gql(first!, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token member { roles } } }', {
      e: admin.email,
      p: admin.password,
    });
    expect(login.data!.login.member.roles).toEqual(['MEMBER', 'ADMIN']);

    // The admin's token carries the role: they see another member's contact.
    const other = await gql(first!, 'mutation($i: RegisterInput!) { register(input: $i) { member { id } } }', {
      i: { email: 'someone@example.com', password: 'a long enough password', displayName: 'Someone', timezone: 'UTC' },
    });
    const seen = await gql(first!, 'query($id: ID!) { member(id: $id) { contact { email } } }', { id: other.data!.register.member.id }, login.data!.login.token);
    expect(seen.data!.member.contact).toEqual({ email: 'someone@example.com' });
  });

  it('given the admin e-mail belongs to a member without the ADMIN role, when starting, then the member is left unchanged', async () => {
    const app = apps[0]!;
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM es_events')).rows[0].n;
    const outcome = await app.get(AdminBootstrapService).ensureAdmin({ email: 'someone@example.com', password: 'whatever password', displayName: 'X' });
    expect(outcome).toBe('exists-without-admin-role');
    const row = await db.pool.query("SELECT roles FROM members WHERE email = 'someone@example.com'");
    expect(row.rows).toEqual([{ roles: ['MEMBER'] }]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM es_events')).rows[0].n).toBe(before);
  });

  it('given a password the rules refuse, when starting, then the start fails naming the setting', async () => {
    await expect(boot({ ...admin, email: 'other-admin@example.com', password: 'short' })).rejects.toThrow(/PAYFORWARD_ADMIN_.*password/);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM member_emails WHERE email = 'other-admin@example.com'")).rows[0].n).toBe(0);
  });
});
