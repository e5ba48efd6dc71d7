import { jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MaildevInbox } from '@payforward/mail';
import { pgConfig, repoRoot, startStack, waitFor, type Stack } from '@payforward/testing';
import { isSegment, needlesFor, scanDatabases, scanFiles, type ScanReport } from './e2e/erasure.scan.js';
import { act, ALWAYS_AVAILABLE, expectRefused, loginAdmin, ok, OPS, PASSWORD, publish, register, type Member } from './e2e/marketplace.fixtures.js';

/**
 * Erasure by crypto-shredding through the gateway on the real stack (issue 5, ADR 010): a member
 * with a distinctive name and e-mail writes 50+ events of personal data (profile, offers,
 * requests, notes, an attestation) and erases themself. Afterwards no table of any service
 * database (event store, outbox and key table included), no Kafka log segment and no service
 * log holds the name or the e-mail; their token and login are refused; scores stay; and a
 * rebuild of the reputation projection reads exactly like the live one ("Erased member").
 */
jest.setTimeout(120_000);
const STEP_MS = 240_000;

let stack: Stack;
let admin: Member;
let zed: Member; // erased at the end
let maya: Member; // Zed's mentor
const seekers: Member[] = [];
let NAME: string;
let needles: string[];
const requestIds: string[] = [];

const REPUTATION = `query($id: ID!) { reputation(memberId: $id) { score paidForwardCount ledger(first: 100) { totalCount nodes { id points ruleId reason sourceEventId } } } }`;
type Ledger = { score: number; paidForwardCount: number; ledger: { totalCount: number; nodes: { id: string; points: number; ruleId: string; reason: string; sourceEventId: string }[] } };
const reputationOf = async (member: Member): Promise<Ledger> => ok(await stack.gql(REPUTATION, { id: member.id })).reputation as Ledger;
const UPDATE = 'mutation($h: String) { updateProfile(headline: $h) { id } }';
const UPDATE_OFFER = 'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }';
const ATTEST = 'mutation($id: ID!, $c: String!) { attestWorkedTogether(memberId: $id, context: $c) { workedTogether } }';

const kafkaData = () => join(process.env.PAYFORWARD_CACHE || join(repoRoot(), '.cache'), 'kafka', 'data');
const allDatabases = () => [...Object.values(stack.databases), stack.gatewayDatabase, stack.keysDatabase];
const logs = () => Object.values(stack.logFiles);
const report = (what: string, r: ScanReport) => console.log(`${what}: ${JSON.stringify(r.scanned)}, ${r.hits.length} hit(s)${r.hits.length ? `\n  ${r.hits.join('\n  ')}` : ''}`);

beforeAll(async () => {
  stack = await startStack({ env: { LOG_LEVEL: 'info' }, logDir: mkdtempSync(join(tmpdir(), 'pf-erasure-logs-')) });
  NAME = `Zephyrine Quill-${stack.suffix}`;
  admin = await loginAdmin(stack);
  // The member whose data the spec hunts for: a name and an e-mail found nowhere else on this machine.
  const email = `zephyrine.${stack.suffix}@erasure.example`;
  const created = ok(await stack.gql(OPS.register, { input: { email, password: PASSWORD, displayName: NAME, headline: `${NAME}, staff engineer`, timezone: 'UTC' } }));
  zed = { id: created.register.member.id, token: created.register.token, email };
  needles = needlesFor([NAME, email]);
  maya = await register(stack, 'Maya');
  for (const name of ['Sam', 'Tess']) seekers.push(await register(stack, name));
}, STEP_MS);

afterAll(async () => {
  await stack?.stop();
}, STEP_MS);

describe('erasure through the gateway', () => {
  it('given a member who writes 50+ events of personal data, then the events carry it sealed and the projections show it', async () => {
    for (let i = 1; i <= 22; i++) await act(stack, UPDATE, { h: `${NAME}, staff engineer (${i})` }, zed);
    await act(stack, OPS.availability, { input: ALWAYS_AVAILABLE }, maya);
    const mayasOffer = (await waitFor(() => publish(stack, maya, 'RESUME_REVIEW', { capacity: 50 }).catch(() => undefined), { what: 'Maya known to the marketplace' })).id;
    const zedsOffer = (await waitFor(() => publish(stack, zed, 'RESUME_REVIEW', { capacity: 20, title: `${NAME} reviews CVs`, description: `${NAME} (${zed.email}) hired engineers for ten years.` }).catch(() => undefined), { what: 'Zed known to the marketplace' })).id;
    for (let i = 1; i <= 3; i++) await act(stack, UPDATE_OFFER, { id: zedsOffer, input: { description: `${NAME} hired engineers for ${10 + i} years.` } }, zed);

    // Zed as a seeker: ten reviews by Maya, each with Zed's message, goal and feedback note.
    for (let i = 1; i <= 10; i++) {
      const message = `Hello Maya, ${NAME} here (${zed.email}); request ${i}: please review my CV for backend roles honestly.`;
      const request = await act(stack, OPS.request, { input: { offerId: mayasOffer, message, goal: `${NAME}: interviews in round ${i}` } }, zed);
      requestIds.push(request.id);
      await act(stack, OPS.accept, { id: request.id, at: null }, maya);
      await act(stack, OPS.complete, { id: request.id }, maya);
      await act(stack, OPS.feedback, { id: request.id, rating: 5, note: `Thank you! ${NAME}` }, zed);
      await act(stack, OPS.feedback, { id: request.id, rating: 5, note: 'A well prepared seeker' }, maya);
    }
    // Zed as a mentor: declines with a note, then helps Sam and Tess (paying it forward), and attests work with Sam.
    for (const [i, seeker] of [...seekers, ...seekers, seekers[0]!].entries()) {
      // Others' words are theirs (sealed with their keys, never erased with Zed's): they do not name Zed here.
      const request = await act(stack, OPS.request, { input: { offerId: zedsOffer, message: `Hi, could you look at my CV for platform engineering roles? (${i})`, goal: 'A sharper CV' } }, seeker);
      if (i < 3) await act(stack, OPS.decline, { id: request.id, reason: 'OTHER', note: `${NAME} is travelling this week (${i})` }, zed);
      else {
        await act(stack, OPS.accept, { id: request.id, at: null }, zed);
        await act(stack, OPS.complete, { id: request.id }, zed);
        await act(stack, OPS.feedback, { id: request.id, rating: 5, note: `Good luck from ${NAME}` }, zed);
      }
    }
    await act(stack, ATTEST, { id: seekers[0]!.id, c: `${NAME} and Sam rebuilt the billing service` }, zed);

    const sealed = await countSealedEvents(zed.id);
    console.log(`events carrying Zed's sealed personal data: ${JSON.stringify(sealed)}`);
    expect(sealed.identity + sealed.marketplace).toBeGreaterThanOrEqual(50);

    // The projections caught up: Maya's ledger quotes Zed (completions, the ripple of Zed's paying forward).
    await waitFor(async () => (await reputationOf(maya)).ledger.nodes.some((l) => l.ruleId === 'pay-forward.ripple' && l.reason.includes(NAME)), { timeoutMs: 60_000, intervalMs: 300, what: 'the ripple line naming Zed' });
    await waitFor(async () => (await reputationOf(zed)).ledger.nodes.filter((l) => l.ruleId === 'feedback.left').length === 10, { timeoutMs: 60_000, intervalMs: 300, what: 'Zed’s ten feedback lines' });
    await waitFor(async () => {
      const { projections } = ok(await stack.gql('{ projections { name lagEvents } }', {}, admin.token));
      return projections.every((p: { lagEvents: number }) => p.lagEvents === 0);
    }, { timeoutMs: 60_000, intervalMs: 500, what: 'the reputation projection to have no lag' });
    // The scan finds what is there before erasure: the read models hold the name (so the search works).
    const before = await scanDatabases(allDatabases(), needles);
    report('databases before erasure', before);
    expect(before.hits.some((h) => h.includes('.es_'))).toBe(false);
    expect(before.hits.length).toBeGreaterThan(0);
  }, STEP_MS);

  let scores: Record<string, Ledger>;

  it('given eraseMember, then anonymous is UNAUTHENTICATED and a member FORBIDDEN; given eraseMe with the password, then true', async () => {
    scores = Object.fromEntries(await Promise.all([zed, maya, ...seekers].map(async (m) => [m.id, await reputationOf(m)] as const)));
    expectRefused(await stack.gql('mutation($id: ID!) { eraseMember(memberId: $id, reason: "asked") }', { id: zed.id }), 'UNAUTHENTICATED');
    expectRefused(await stack.gql('mutation($id: ID!) { eraseMember(memberId: $id, reason: "asked") }', { id: zed.id }, maya.token), 'FORBIDDEN');
    expectRefused(await stack.gql('mutation { eraseMe(password: "not the password") }', {}, zed.token), 'UNAUTHENTICATED', /password/);
    expect(ok(await stack.gql('mutation($p: String!) { eraseMe(password: $p) }', { p: PASSWORD }, zed.token))).toEqual({ eraseMe: true });
  }, STEP_MS);

  it('then every service follows: Maya’s ledger says "Erased member", requests read [erased], Zed’s token and login are refused', async () => {
    await waitFor(async () => {
      const lines = (await reputationOf(maya)).ledger.nodes;
      return !lines.some((l) => l.reason.includes(NAME)) && lines.some((l) => l.reason.includes('Erased member'));
    }, { timeoutMs: 60_000, intervalMs: 300, what: 'Maya’s ledger naming Zed as "Erased member"' });
    const request = await waitFor(async () => {
      const { helpRequest } = ok(await stack.gql(`query($id: ID!) { helpRequest(id: $id) { message goal status seeker { displayName } } }`, { id: requestIds[0] }, maya.token));
      return helpRequest.message === '[erased]' ? helpRequest : undefined;
    }, { timeoutMs: 60_000, what: 'the marketplace scrubbing Zed’s request' });
    expect(request).toEqual({ message: '[erased]', goal: '[erased]', status: 'COMPLETED', seeker: { displayName: 'Erased member' } });

    await waitFor(async () => (await stack.gql('{ mentorDashboard { pending { id } } }', {}, zed.token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED', { what: 'the marketplace refusing Zed’s token' });
    expectRefused(await stack.gql('{ me { id } }', {}, zed.token), 'UNAUTHENTICATED');
    expectRefused(await stack.gql(OPS.availability, { input: ALWAYS_AVAILABLE }, zed.token), 'UNAUTHENTICATED');
    expectRefused(await stack.gql(OPS.login, { email: zed.email, password: PASSWORD }), 'UNAUTHENTICATED');

    // Counts and scores stay: the same points, rules and source events for everyone, only the words changed.
    for (const member of [zed, maya, ...seekers]) {
      const now = await reputationOf(member);
      expect({ score: now.score, paidForwardCount: now.paidForwardCount, lines: shape(now) }).toEqual({ score: scores[member.id]!.score, paidForwardCount: scores[member.id]!.paidForwardCount, lines: shape(scores[member.id]!) });
    }
    expect(ok(await stack.gql(OPS.relationship, { m: maya.id, s: zed.id }, maya.token)).relationship).toMatchObject({ completedEngagements: 10 });
  }, STEP_MS);

  it('then no database table, Kafka log segment or service log holds Zed’s name or e-mail in plaintext', async () => {
    const databases = await scanDatabases(allDatabases(), needles);
    report('databases', databases);
    const kafka = scanFiles(kafkaData(), isSegment, [...needles, zed.id]);
    report('kafka segments (the member id is the positive control)', kafka);
    const serviceLogs = scanFiles(stack.logFiles.identity!.replace(/[^/]+$/, ''), (path) => logs().includes(path), needles);
    report('service logs', serviceLogs);

    expect(databases.scanned.databases).toBe(6);
    expect(databases.hits).toEqual([]);
    expect(kafka.hits.filter((hit) => !hit.endsWith(`"${zed.id}"`))).toEqual([]);
    expect(kafka.hits.some((hit) => hit.includes('identity.member.v1-'))).toBe(true); // we read the segments Zed's events are in
    expect(serviceLogs.scanned.files).toBe(5);
    expect(serviceLogs.scanned.bytes).toBeGreaterThan(0);
    expect(serviceLogs.hits).toEqual([]);

    const keys = new pg.Client({ ...pgConfig(), database: stack.keysDatabase });
    await keys.connect();
    const key = (await keys.query('SELECT wrapped_key, erased_at FROM member_keys WHERE member_id = $1', [zed.id])).rows;
    await keys.end();
    expect(key).toEqual([{ wrapped_key: null, erased_at: expect.any(Date) }]);
  }, STEP_MS);

  it('then no mail the SMTP server received after the notifications service applied the erasure names Zed or goes to Zed', async () => {
    const notifications = new pg.Client({ ...pgConfig(), database: stack.databases.notifications });
    await notifications.connect();
    const inbox = new MaildevInbox();
    // The mails the server holds once the erasure is applied: every mail not among them was sent after it.
    let received: Set<string>;
    try {
      const erased = async () => (await notifications.query('SELECT 1 FROM members WHERE id = $1 AND erased_at IS NOT NULL', [zed.id])).rowCount === 1;
      await waitFor(erased, { timeoutMs: 60_000, what: 'the notifications service applying the erasure' });
      received = new Set((await inbox.list()).map((m) => m.id));
    } finally {
      await notifications.end();
    }
    // A mail as stored (raw, its headers and parts possibly encoded) and as decoded by the server (subject, text, HTML).
    const api = (process.env.MAIL_API_URL ?? 'http://127.0.0.1:1080').replace(/\/+$/, '');
    const contentOf = async (id: string): Promise<string> => {
      const parsed = (await (await fetch(`${api}/api/email/${id}`)).json()) as { subject?: string; text?: string; html?: string };
      return [await inbox.source(id), parsed.subject, parsed.text, parsed.html].join('\n').toLowerCase();
    };
    // Traffic after it: a reset mail for Maya (instant), and one asked for Zed's old address (no member: no mail).
    expect(ok(await stack.gql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: maya.email }))).toEqual({ requestPasswordReset: true });
    expect(ok(await stack.gql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: zed.email }))).toEqual({ requestPasswordReset: true });
    const isNew = (m: { id: string }) => !received.has(m.id);
    const resetMail = (m: { subject: string; recipients: string[] }) => m.subject === 'Reset your Payforward password' && m.recipients.includes(maya.email.toLowerCase());
    await waitFor(async () => (await inbox.list()).some((m) => isNew(m) && resetMail(m)), { timeoutMs: 60_000, what: 'the reset mail reaching Maya' });

    const after = (await inbox.list()).filter(isNew);
    const hits: string[] = [];
    for (const mail of after) {
      const content = await contentOf(mail.id);
      for (const needle of needles) if (content.includes(needle)) hits.push(`${mail.id} (${mail.subject}): ${needle}`);
    }
    console.log(`mails after the erasure: ${after.length} scanned, ${hits.length} hit(s)`);
    // Positive control: the scan reads decoded bodies (the reset mail's link is in its text and HTML parts).
    expect(await contentOf(after.find(resetMail)!.id)).toContain('/reset-password?token=');
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((m) => m.recipients.includes(zed.email.toLowerCase()))).toEqual([]);
    expect(hits).toEqual([]);
  }, STEP_MS);

  it('given a full rebuild of the reputation projection, then it succeeds, scores are unchanged and the ledgers read exactly as live', async () => {
    const live = Object.fromEntries(await Promise.all([zed, maya, ...seekers].map(async (m) => [m.id, await reputationOf(m)] as const)));
    ok(await stack.gql('mutation { rebuildProjection(name: "reputation") { name } }', {}, admin.token));
    await waitFor(async () => {
      const { projections } = ok(await stack.gql('{ projections { name rebuilding } }', {}, admin.token));
      return projections.some((p: { name: string; rebuilding: boolean }) => p.name === 'reputation' && !p.rebuilding);
    }, { timeoutMs: 60_000, intervalMs: 300, what: 'the rebuild to finish' });
    for (const member of [zed, maya, ...seekers]) {
      const rebuilt = await waitFor(async () => {
        const now = await reputationOf(member);
        return JSON.stringify(now) === JSON.stringify(live[member.id]) ? now : undefined;
      }, { timeoutMs: 30_000, intervalMs: 300, what: 'the rebuilt ledger to match the live one' }).catch(async () => reputationOf(member));
      expect(rebuilt).toEqual(live[member.id]);
      expect(rebuilt.score).toBe(scores[member.id]!.score);
    }
    expect((await reputationOf(maya)).ledger.nodes.filter((l) => l.reason.includes('Erased member')).length).toBeGreaterThan(0);
    const afterRebuild = await scanDatabases([stack.databases.reputation], needles);
    report('reputation database after the rebuild', afterRebuild);
    expect(afterRebuild.hits).toEqual([]);
  }, STEP_MS);
});

/** A ledger without its words: what erasure must not change. */
const shape = (ledger: Ledger) => ledger.ledger.nodes.map(({ id, points, ruleId, sourceEventId }) => ({ id, points, ruleId, sourceEventId }));

/** Events in identity's and the marketplace's stores holding a value sealed with the member's key. */
async function countSealedEvents(memberId: string): Promise<{ identity: number; marketplace: number }> {
  const count = async (database: string) => {
    const client = new pg.Client({ ...pgConfig(), database });
    await client.connect();
    try {
      return (await client.query("SELECT count(*)::int AS n FROM es_events WHERE data::text LIKE '%pf:enc:v1:' || $1 || ':%'", [memberId])).rows[0].n as number;
    } finally {
      await client.end();
    }
  };
  return { identity: await count(stack.databases.identity), marketplace: await count(stack.databases.marketplace) };
}
