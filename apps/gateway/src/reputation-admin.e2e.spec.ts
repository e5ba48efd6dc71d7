import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { startStack, waitFor, type Stack } from '@payforward/testing';
import { act, expectRefused, loginAdmin, ok, OPS, publish, register, requestHelp, type Member } from './e2e/marketplace.fixtures.js';

/**
 * The admin reputation review and the ledger's words, through the gateway on the real
 * services (built, as child processes) over real PostgreSQL and Kafka: every admin operation
 * refuses anonymous callers (UNAUTHENTICATED) and members (FORBIDDEN) and serves the admin;
 * a rated résumé review and an admin adjustment read well in the mentor's ledger.
 * Identity's admin operations (grantAdmin, suspendMember, reinstateMember) are covered in
 * members-and-sessions.e2e.spec.ts.
 */
jest.setTimeout(90_000);

let stack: Stack;
let admin: Member;
let mentor: Member;
let seeker: Member;
let bystander: Member;

interface LedgerLine {
  points: number;
  reason: string;
  ruleId: string;
}

const REPUTATION = `query($id: ID!) { reputation(memberId: $id) { score ledger(first: 50) { nodes { points reason ruleId } } } }`;

const ledgerOf = async (member: Member) => ok(await stack.gql(REPUTATION, { id: member.id })).reputation as { score: number; ledger: { nodes: LedgerLine[] } } | null;

/** Waits until the member's ledger holds a line of `ruleId`, then returns the whole reputation. */
const waitForRule = (member: Member, ruleId: string) =>
  waitFor(
    async () => {
      const reputation = await ledgerOf(member);
      return reputation?.ledger.nodes.some((line) => line.ruleId === ruleId) ? reputation : undefined;
    },
    { timeoutMs: 45_000, intervalMs: 200, what: `a ${ruleId} line in the ledger` },
  );

beforeAll(async () => {
  stack = await startStack();
  admin = await loginAdmin(stack);
  mentor = await register(stack, 'Maya');
  seeker = await register(stack, 'Sam');
  bystander = await register(stack, 'Ben');
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe('the ledger reads well through the gateway', () => {
  it('given a résumé review rated 5, when the projection catches up, then the mentor sees +10 and +5, each naming the seeker', async () => {
    // The marketplace learns of members just registered through identity's topic: retry until it knows the mentor.
    const offer = await waitFor(() => publish(stack, mentor, 'RESUME_REVIEW'), { timeoutMs: 30_000, intervalMs: 200, what: 'the marketplace to know the mentor' });
    const request = await waitFor(() => requestHelp(stack, seeker, offer.id), { timeoutMs: 30_000, intervalMs: 200, what: 'the marketplace to know the seeker' });
    expect(await act(stack, OPS.accept, { id: request.id, at: null }, mentor)).toMatchObject({ status: 'ACCEPTED' });
    expect(await act(stack, OPS.complete, { id: request.id }, mentor)).toMatchObject({ status: 'COMPLETED' });
    expect(await act(stack, OPS.feedback, { id: request.id, rating: 5, note: 'Concrete and kind.' }, seeker)).toMatchObject({ status: 'COMPLETED' });

    const reputation = await waitForRule(mentor, 'completion.rated-bonus');
    const lines = reputation.ledger.nodes;
    expect(lines.filter((line) => line.ruleId === 'completion.resume-review')).toEqual([
      { points: 10, ruleId: 'completion.resume-review', reason: expect.stringContaining('Sam') },
    ]);
    expect(lines.filter((line) => line.ruleId === 'completion.rated-bonus')).toEqual([
      { points: 5, ruleId: 'completion.rated-bonus', reason: expect.stringContaining('Sam') },
    ]);
    expect(lines.find((line) => line.ruleId === 'completion.resume-review')!.reason).toBe('+10 résumé review completed for Sam');
    expect(lines.find((line) => line.ruleId === 'completion.rated-bonus')!.reason).toBe('+5 Sam rated your résumé review 5/5');
    expect(reputation.score).toBe(15);

    // The seeker closed the loop and is credited for it, naming the mentor.
    const seekerSide = await waitForRule(seeker, 'feedback.left');
    expect(seekerSide.ledger.nodes).toEqual([{ points: 2, ruleId: 'feedback.left', reason: expect.stringContaining('Maya') }]);
  });

  it('given an admin adjustment of +7 with a reason, when the projection catches up, then the line shows the points and the reason', async () => {
    const reason = 'Ran the community résumé clinic on Saturday';
    ok(await stack.gql('mutation($id: ID!, $points: Int!, $reason: String!) { adjustReputation(memberId: $id, points: $points, reason: $reason) { score } }', { id: mentor.id, points: 7, reason }, admin.token));

    const reputation = await waitForRule(mentor, 'admin.adjustment');
    const adjustment = reputation.ledger.nodes.filter((line) => line.ruleId === 'admin.adjustment');
    expect(adjustment).toEqual([{ points: 7, ruleId: 'admin.adjustment', reason: expect.stringContaining(reason) }]);
    expect(adjustment[0]!.reason).toMatch(/^\+7 adjusted by .+: /);
    expect(reputation.score).toBe(22);
  });

  it('given an adjustment without a reason, when the admin sends it, then BAD_USER_INPUT names the reason', async () => {
    const result = await stack.gql('mutation($id: ID!) { adjustReputation(memberId: $id, points: 3, reason: "  ") { score } }', { id: mentor.id }, admin.token);
    expectRefused(result, 'BAD_USER_INPUT', /reason/);
  });
});

/** Each admin operation with variables valid for the schema; flag ids are made up. */
const ADMIN_OPERATIONS: Array<[string, string, () => Record<string, unknown>]> = [
  ['reputationFlags', 'query($s: FlagStatus) { reputationFlags(status: $s) { id kind status evidence } }', () => ({ s: 'OPEN' })],
  ['memberHistory', 'query($id: ID!) { memberHistory(memberId: $id) { id type streamId } }', () => ({ id: mentor.id })],
  ['projections', '{ projections { name lagEvents lastEventAt rebuilding } }', () => ({})],
  ['dismissFlag', 'mutation($id: ID!) { dismissFlag(flagId: $id, note: "Looks like a real mentoring pair.") { id status } }', () => ({ id: randomUUID() })],
  ['reverseFlag', 'mutation($id: ID!) { reverseFlag(flagId: $id, note: "Points traded back and forth.") { id status } }', () => ({ id: randomUUID() })],
  ['adjustReputation', 'mutation($id: ID!) { adjustReputation(memberId: $id, points: 1, reason: "Access check in the e2e spec.") { score } }', () => ({ id: bystander.id })],
  ['rebuildProjection', 'mutation { rebuildProjection(name: "reputation") { name rebuilding } }', () => ({})],
];

describe('admin reputation operations through the gateway', () => {
  it.each(ADMIN_OPERATIONS)('given no token, when calling %s, then UNAUTHENTICATED', async (_name, op, variables) => {
    const result = await stack.gql(op, variables());
    expect(result.data ?? null).toBeNull();
    expectRefused(result, 'UNAUTHENTICATED');
  });

  it.each(ADMIN_OPERATIONS)('given a plain member, when calling %s, then FORBIDDEN', async (_name, op, variables) => {
    const result = await stack.gql(op, variables(), mentor.token);
    expect(result.data ?? null).toBeNull();
    expectRefused(result, 'FORBIDDEN');
  });

  it.each(ADMIN_OPERATIONS)('given the admin, when calling %s, then it is served (data or a domain refusal)', async (name, op, variables) => {
    const result = await stack.gql(op, variables(), admin.token);
    const codes = (result.errors ?? []).map((error) => error.extensions?.code);
    expect(codes).not.toContain('FORBIDDEN');
    expect(codes).not.toContain('UNAUTHENTICATED');
    if (name === 'dismissFlag' || name === 'reverseFlag') {
      expectRefused(result, 'NOT_FOUND');
    } else {
      expect(result.errors).toBeUndefined();
      expect(result.data![name]).toBeDefined();
    }
  });

  it('given the admin, when reading projections and member history, then the reputation projection and the mentor’s events are listed', async () => {
    const { projections } = ok(await stack.gql('{ projections { name rebuilding lagEvents } }', {}, admin.token));
    expect(projections).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'reputation', lagEvents: expect.any(Number) })]));
    const { memberHistory } = ok(await stack.gql('query($id: ID!) { memberHistory(memberId: $id) { type streamId } }', { id: mentor.id }, admin.token));
    expect(memberHistory.length).toBeGreaterThan(0);
  });
});
