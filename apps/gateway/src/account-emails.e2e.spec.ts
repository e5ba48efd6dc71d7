import { jest } from '@jest/globals';
import pg from 'pg';
import { MailSender, MaildevInbox } from '@payforward/mail';
import { pgConfig, startStack, waitFor, type Stack } from '@payforward/testing';
import { accountMailsTo, awaitAccountMail, tokenIn, type AccountMailKind } from './e2e/account-mail.fixtures.js';
import { send } from './e2e/edge.fixtures.js';
import { expectRefused, ok, PASSWORD, register } from './e2e/marketplace.fixtures.js';

/**
 * E-mail verification and password reset through the gateway (issue 11 §7, ADR 019), on the built
 * services over real PostgreSQL, Kafka and the local SMTP server (maildev at MAIL_API_URL):
 * registration mails a link whose token verifies the address once; a reset request answers true
 * for any address and mails only members; a reset replaces the password and ends every other
 * session in every service; the gateway rate-limits both.
 *
 * The notifications service writes the mails to its outbox; the MailSender that delivers them in
 * the service comes with the e-mail channel, so this spec runs one on the stack's database.
 */
jest.setTimeout(240_000);

let stack: Stack;
let notificationsDb: pg.Pool;
let sender: MailSender;
const inbox = new MaildevInbox();

const OPS = {
  verify: 'mutation($t: String!) { verifyEmail(token: $t) }',
  resend: 'mutation { resendVerificationEmail }',
  requestReset: 'mutation($e: String!) { requestPasswordReset(email: $e) }',
  reset: 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
  login: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
  me: '{ me { id emailVerified } }',
  member: 'query($id: ID!) { member(id: $id) { id emailVerified } }',
};
/** One operation per service that asks who is calling. */
const AS_VIEWER = {
  identity: '{ me { id } }',
  marketplace: '{ myRequests(as: SEEKER) { id } }',
  notifications: '{ unreadNotificationCount }',
};
const PROPAGATION = { timeoutMs: 90_000, intervalMs: 250 };
const codeOf = (result: Awaited<ReturnType<Stack['gql']>>) => result.errors?.[0]?.extensions?.code ?? null;

beforeAll(async () => {
  stack = await startStack({
    env: {
      // The rate-limit cells send from their own forwarded addresses; everything else from 127.0.0.1.
      GATEWAY_TRUSTED_PROXIES: '127.0.0.1,::1',
      RATE_LIMIT_PASSWORD_RESET_PER_HOUR: '3',
      RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR: '2',
    },
  });
  notificationsDb = new pg.Pool({ ...pgConfig(), database: stack.databases.notifications, max: 3 });
  sender = new MailSender(notificationsDb, { pollIntervalMs: 100 });
  sender.start();
}, 240_000);

afterAll(async () => {
  await sender?.stop();
  await notificationsDb?.end();
  await stack?.stop();
}, 60_000);

/** Quoted-printable undone (soft breaks, =XX), so a link split across lines reads whole. */
const unQuote = (source: string): string => source.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The `count`-th mail of the kind that reached the SMTP server for `email`, and the token of its link. */
async function mailedToken(email: string, kind: AccountMailKind, count = 1): Promise<string> {
  const outbox = await awaitAccountMail(stack, email, kind, count);
  const mail = await waitFor(async () => (await inbox.list()).find((m) => m.messageId?.includes(outbox.messageId)), { timeoutMs: 60_000, intervalMs: 200, what: `${kind} mail to ${email} in maildev` });
  expect(mail.recipients).toEqual([email.toLowerCase()]);
  const token = tokenIn(unQuote(await inbox.source(mail.id)), kind);
  expect(token).toBe(outbox.token);
  return token!;
}

describe('e-mail verification', () => {
  it('given a registration, then the mailed link verifies the address once; the token again is BAD_USER_INPUT on token', async () => {
    const vera = await register(stack, 'Vera');
    expect(ok(await stack.gql(OPS.me, {}, vera.token)).me).toEqual({ id: vera.id, emailVerified: false });
    const token = await mailedToken(vera.email, 'verify-email');
    expect(await inbox.countTo(vera.email)).toBe(1);

    expect(ok(await stack.gql(OPS.verify, { t: token }))).toEqual({ verifyEmail: true });
    expect(ok(await stack.gql(OPS.me, {}, vera.token)).me).toEqual({ id: vera.id, emailVerified: true });
    // The badge is public, like the profile.
    expect(ok(await stack.gql(OPS.member, { id: vera.id })).member).toEqual({ id: vera.id, emailVerified: true });
    expectRefused(await stack.gql(OPS.verify, { t: token }), 'BAD_USER_INPUT', /^token$/);
    expect(ok(await stack.gql(OPS.me, {}, vera.token)).me.emailVerified).toBe(true);
  });

  it('given a resend, then a new link arrives and the older one no longer works; once verified, a resend is refused', async () => {
    const walt = await register(stack, 'Walt');
    const first = await mailedToken(walt.email, 'verify-email');
    expect(ok(await stack.gql(OPS.resend, {}, walt.token))).toEqual({ resendVerificationEmail: true });
    const second = await mailedToken(walt.email, 'verify-email', 2);
    expect(second).not.toBe(first);
    expectRefused(await stack.gql(OPS.verify, { t: first }), 'BAD_USER_INPUT', /^token$/);
    expect(ok(await stack.gql(OPS.verify, { t: second }))).toEqual({ verifyEmail: true });
    expectRefused(await stack.gql(OPS.resend, {}, walt.token), 'CONFLICT');
  });
});

describe('password reset', () => {
  it('given an unknown and a known address, then both answer true and only the member gets a mail', async () => {
    const nobody = `nobody-${stack.suffix}@example.com`;
    expect(ok(await stack.gql(OPS.requestReset, { e: nobody }))).toEqual({ requestPasswordReset: true });
    const xena = await register(stack, 'Xena');
    expect(ok(await stack.gql(OPS.requestReset, { e: xena.email }))).toEqual({ requestPasswordReset: true });
    await mailedToken(xena.email, 'reset-password');
    // The known address's mail went through the same consumer after the unknown request: none for nobody.
    expect(await inbox.countTo(nobody)).toBe(0);
    expect(await accountMailsTo(stack, nobody, 'reset-password')).toEqual([]);
  });

  it('given a reset, then the old password fails, the new one works, and the other sessions end in every service', async () => {
    const hal = await register(stack, 'Hal');
    const otherSession = ok(await stack.gql(OPS.login, { e: hal.email, p: PASSWORD })).login.token as string;
    // Both sessions work everywhere before the reset (the marketplace learns of Hal through Kafka).
    for (const session of [hal.token, otherSession]) {
      for (const [service, query] of Object.entries(AS_VIEWER)) {
        await waitFor(async () => codeOf(await stack.gql(query, {}, session)) === null, { ...PROPAGATION, what: `${service} serving Hal before the reset` });
      }
    }

    ok(await stack.gql(OPS.requestReset, { e: hal.email }));
    const token = await mailedToken(hal.email, 'reset-password');
    expectRefused(await stack.gql(OPS.reset, { t: token, p: 'short' }), 'BAD_USER_INPUT', /^newPassword$/);
    expect(ok(await stack.gql(OPS.reset, { t: token, p: 'a brand new password' }))).toEqual({ resetPassword: true });

    expectRefused(await stack.gql(OPS.login, { e: hal.email, p: PASSWORD }), 'UNAUTHENTICATED');
    const fresh = ok(await stack.gql(OPS.login, { e: hal.email, p: 'a brand new password' })).login.token as string;
    // Identity refuses the earlier tokens at once; the others once they consumed PasswordReset.
    for (const ended of [hal.token, otherSession]) expectRefused(await stack.gql(AS_VIEWER.identity, {}, ended), 'UNAUTHENTICATED');
    for (const ended of [hal.token, otherSession]) {
      for (const [service, query] of Object.entries(AS_VIEWER)) {
        await waitFor(async () => codeOf(await stack.gql(query, {}, ended)) === 'UNAUTHENTICATED', { ...PROPAGATION, what: `${service} ending Hal's earlier session` });
      }
    }
    for (const query of Object.values(AS_VIEWER)) expect(codeOf(await stack.gql(query, {}, fresh))).toBeNull();
    // Single use.
    expectRefused(await stack.gql(OPS.reset, { t: token, p: 'yet another password' }), 'BAD_USER_INPUT', /^token$/);
    expect(codeOf(await stack.gql(OPS.login, { e: hal.email, p: 'a brand new password' }))).toBeNull();
  });
});

describe('rate limits', () => {
  it('given more reset requests from one address than RATE_LIMIT_PASSWORD_RESET_PER_HOUR, then RATE_LIMITED; another address may still ask', async () => {
    const ask = { query: OPS.requestReset, variables: { e: `limited-${stack.suffix}@example.com` } };
    for (let i = 0; i < 3; i++) expect((await send(stack, ask, { ip: '203.0.113.50' })).body.data).toEqual({ requestPasswordReset: true });
    const refused = await send(stack, ask, { ip: '203.0.113.50' });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'requestPasswordReset' });
    expect((await send(stack, ask, { ip: '203.0.113.51' })).body.data).toEqual({ requestPasswordReset: true });
  });

  it('given more verification mails for one member than RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR, then RATE_LIMITED', async () => {
    const yuri = await register(stack, 'Yuri');
    for (let i = 0; i < 2; i++) expect((await send(stack, { query: OPS.resend }, { token: yuri.token, ip: '203.0.113.60' })).body.data).toEqual({ resendVerificationEmail: true });
    const refused = await send(stack, { query: OPS.resend }, { token: yuri.token, ip: '203.0.113.61' });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'resendVerificationEmail' });
  });
});
