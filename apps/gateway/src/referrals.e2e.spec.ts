import { jest } from '@jest/globals';
import pg from 'pg';
import { pgConfig, startStack, waitFor, type Stack } from '@payforward/testing';
import { act, expectRefused, loginAdmin, ok, OPS, publish, register, requestHelp, type Member } from './e2e/marketplace.fixtures.js';

/**
 * The relationship rules through the gateway: no blind referral, a referral grounded in a
 * well-rated engagement or a confirmed worked-together attestation, and double-opt-in intros
 * whose consent (and only consent) exchanges contacts between the seeker and the target.
 */
jest.setTimeout(90_000);

let stack: Stack;
let marketplaceDb: pg.Pool;
let maya: Member, sam: Member, jonas: Member, ben: Member, lee: Member, dana: Member, priya: Member;
const offer: Record<string, string> = {};

const contactOf = async (subject: Member, viewer?: Member) =>
  ok(await stack.gql(OPS.contactOf, { id: subject.id }, viewer?.token)).member.contact as { email: string } | null;
// Members only (it is about two people): asked by the seeker.
const relationship = async (mentor: Member, seeker: Member) => ok(await stack.gql(OPS.relationship, { m: mentor.id, s: seeker.id }, seeker.token)).relationship;
const eventCount = async () => Number((await marketplaceDb.query('SELECT count(*) AS n FROM es_events')).rows[0].n);

beforeAll(async () => {
  stack = await startStack();
  marketplaceDb = new pg.Pool({ ...pgConfig(), database: stack.databases.marketplace, max: 2 });
  // One at a time: each registration hashes a password, and the machine has two cores.
  maya = await register(stack, 'Maya');
  sam = await register(stack, 'Sam');
  jonas = await register(stack, 'Jonas');
  ben = await register(stack, 'Ben');
  lee = await register(stack, 'Lee');
  dana = await register(stack, 'Dana');
  priya = await register(stack, 'Priya');
  offer.referral = (await publish(stack, maya, 'REFERRAL', { title: 'Referral to Ledgerline' })).id;
  offer.resume = (await publish(stack, maya, 'RESUME_REVIEW')).id;
  offer.intro = (await publish(stack, maya, 'INTRO', { title: 'Intros to engineering managers in fintech' })).id;
}, 240_000);

afterAll(async () => {
  await marketplaceDb?.end();
  await stack?.stop();
}, 60_000);

describe('referrals need a relationship', () => {
  it('given no engagement and no attestation, when a seeker asks for a referral, then RELATIONSHIP_REQUIRED with the next step and nothing is written', async () => {
    const before = await eventCount();
    const refused = await stack.gql(OPS.request, {
      input: { offerId: offer.referral, message: 'We have not met, but I am applying to your company and a referral would help me a lot.', goal: 'A referral to Ledgerline.' },
    }, ben.token);
    const error = expectRefused(refused, 'RELATIONSHIP_REQUIRED');
    expect(error.message).toMatch(/advice call first/i);
    expect(await eventCount()).toBe(before);
    expect(await relationship(maya, ben)).toMatchObject({ completedEngagements: 0, workedTogether: false, referralEligible: false });
  });

  it('given a completed engagement rated 4 or more, when the seeker asks for a referral, then it is accepted, vouched, completed and its outcome reported', async () => {
    const review = await requestHelp(stack, sam, offer.resume!);
    await act(stack, OPS.accept, { id: review.id, at: null }, maya);
    await act(stack, OPS.complete, { id: review.id }, maya);
    await act(stack, OPS.feedback, { id: review.id, rating: 4, note: 'Helpful and honest.' }, sam);

    const rel = await waitFor(
      async () => {
        const r = await relationship(maya, sam);
        return r?.referralEligible === true && r;
      },
      { timeoutMs: 30_000, what: 'the relationship read model' },
    );
    expect(rel).toEqual({ mentor: { id: maya.id }, seeker: { id: sam.id }, completedEngagements: 1, workedTogether: false, referralEligible: true });

    const referral = await requestHelp(stack, sam, offer.referral!, { goal: 'A referral for the junior backend role.' });
    expect(referral).toMatchObject({ status: 'SUBMITTED', offer: { kind: 'REFERRAL' } });
    expect(await act(stack, OPS.accept, { id: referral.id, at: null }, maya)).toMatchObject({ status: 'ACCEPTED' });
    const statement = 'I reviewed Sam’s Go projects in depth; careful, tested work.';
    expectRefused(await stack.gql(OPS.vouch, { id: referral.id, statement }, sam.token), 'FORBIDDEN');
    expect(await act(stack, OPS.vouch, { id: referral.id, statement }, maya)).toMatchObject({ vouchStatement: statement });
    expect(await act(stack, OPS.complete, { id: referral.id }, maya)).toMatchObject({ status: 'COMPLETED' });
    expect(await act(stack, OPS.outcome, { id: referral.id, outcome: 'HIRED' }, sam)).toMatchObject({ status: 'COMPLETED', referralOutcome: 'HIRED' });
  });

  it('given a worked-together attestation the seeker confirmed, when they ask for a referral, then the mentor can accept and vouch', async () => {
    const attested = await act(stack, 'mutation($id: ID!, $c: String!) { attestWorkedTogether(memberId: $id, context: $c) { workedTogether referralEligible } }', { id: jonas.id, c: 'Built the settlement service together, 2022–2024.' }, maya);
    expect(attested).toEqual({ workedTogether: false, referralEligible: false }); // not until Jonas confirms
    const confirmed = await act(stack, 'mutation($id: ID!) { confirmWorkedTogether(mentorId: $id) { mentor { id } seeker { id } workedTogether referralEligible } }', { id: maya.id }, jonas);
    expect(confirmed).toEqual({ mentor: { id: maya.id }, seeker: { id: jonas.id }, workedTogether: true, referralEligible: true });

    await waitFor(async () => (await relationship(maya, jonas))?.referralEligible === true, { timeoutMs: 30_000, what: 'the attestation in the read model' });
    const referral = await requestHelp(stack, jonas, offer.referral!);
    await act(stack, OPS.accept, { id: referral.id, at: null }, maya);
    expect(await act(stack, OPS.vouch, { id: referral.id, statement: 'Jonas owned the idempotency design of our settlement service.' }, maya)).toMatchObject({
      status: 'ACCEPTED',
      vouchStatement: expect.stringContaining('idempotency'),
    });
  });
});

describe('double-opt-in intros', () => {
  it('given an accepted intro, when the target refuses, then it ends DECLINED with kind guidance and no contacts are exchanged', async () => {
    const intro = await requestHelp(stack, lee, offer.intro!, { introTargetId: priya.id });
    expectRefused(await stack.gql(OPS.intro, { id: intro.id, consent: true }, priya.token), 'CONFLICT'); // the mentor has not accepted yet
    await act(stack, OPS.accept, { id: intro.id, at: null }, maya);
    expectRefused(await stack.gql(OPS.intro, { id: intro.id, consent: true }, ben.token), 'FORBIDDEN');
    const refused = await act(stack, OPS.intro, { id: intro.id, consent: false }, priya);
    expect(refused).toMatchObject({ status: 'DECLINED', guidance: expect.stringMatching(/says nothing about you|not available/i) });
  });

  it('given an accepted intro, when the target consents, then seeker and target see each other’s contact and the mentor completes it', async () => {
    const intro = await requestHelp(stack, lee, offer.intro!, { introTargetId: dana.id });
    await act(stack, OPS.accept, { id: intro.id, at: null }, maya);
    expect(await contactOf(dana, lee)).toBeNull();
    expect(await act(stack, OPS.intro, { id: intro.id, consent: true }, dana)).toMatchObject({ status: 'ACCEPTED' });

    await waitFor(async () => (await contactOf(dana, lee))?.email === dana.email, { timeoutMs: 30_000, what: 'the target’s contact for the seeker' });
    expect(await contactOf(lee, dana)).toEqual({ email: lee.email });
    expect(await act(stack, OPS.complete, { id: intro.id }, maya)).toMatchObject({ status: 'COMPLETED' });
    // The refused intro exchanged nothing; strangers and anonymous callers see nothing either.
    expect(await contactOf(priya, lee)).toBeNull();
    expect(await contactOf(dana, ben)).toBeNull();
    expect(await contactOf(dana)).toBeNull();
    // An admin sees everyone's contact.
    expect(await contactOf(dana, await loginAdmin(stack))).toEqual({ email: dana.email });
  });
});
