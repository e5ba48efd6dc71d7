import { jest } from '@jest/globals';
import { scrubErasedMember } from './members/erasure.scrub.js';
import { GOAL, MESSAGE, OPS, offerInput, startMarketplace, type SpecMarketplace } from './marketplace.spec.fixtures.js';

/**
 * What waits for the signed-in member's answer and only theirs: the introductions they are the
 * target of (accepted, not answered), and the worked-together attestations that name them (not
 * confirmed). Neither query takes an argument naming a member, so nobody else's list can be asked for.
 */
jest.setTimeout(60_000);

type Who = { id: string; token: string };

const INTROS = '{ introsAwaitingMe { id kind status introConsent goal seeker { id } mentor { id } introTarget { id } } }';
const ATTESTATIONS = '{ attestationsAwaitingMe { mentor { id } seeker { id } workedTogether attestationContext } }';
const ATTEST = 'mutation($id: ID!, $c: String!) { attestWorkedTogether(memberId: $id, context: $c) { workedTogether attestationContext } }';
const CONFIRM = 'mutation($id: ID!) { confirmWorkedTogether(mentorId: $id) { workedTogether attestationContext } }';

let m: SpecMarketplace;
let mentor: Who;
let introOffer: string;

beforeAll(async () => {
  m = await startMarketplace('awaiting');
  mentor = await m.member('Maya');
  introOffer = (await m.ok(OPS.publish, { input: offerInput('INTRO', { capacity: 5 }) }, mentor.token)).publishOffer.id;
}, 60_000);

afterAll(async () => {
  await m?.close();
}, 60_000);

const introsOf = async (who: Who) => (await m.ok(INTROS, {}, who.token)).introsAwaitingMe as { id: string }[];
const attestationsOf = async (who: Who) => (await m.ok(ATTESTATIONS, {}, who.token)).attestationsAwaitingMe as Record<string, unknown>[];
const askIntro = async (seeker: Who, target: Who) =>
  (await m.ok(OPS.request, { input: { offerId: introOffer, message: MESSAGE, goal: GOAL, introTargetId: target.id } }, seeker.token)).requestHelp.id as string;

describe('introsAwaitingMe', () => {
  it('given an intro, then only its target sees it, and only from acceptance until they answer', async () => {
    const [seeker, target, stranger] = [await m.member('Arjun'), await m.member('Eve'), await m.member('Ben')];
    const id = await askIntro(seeker, target);
    expect(await introsOf(target)).toEqual([]); // the mentor has not agreed to introduce anyone yet

    await m.ok(OPS.accept, { id, at: null }, mentor.token);
    expect(await introsOf(target)).toEqual([
      { id, kind: 'INTRO', status: 'ACCEPTED', introConsent: null, goal: GOAL, seeker: { id: seeker.id }, mentor: { id: mentor.id }, introTarget: { id: target.id } },
    ]);
    for (const other of [seeker, mentor, stranger]) expect(await introsOf(other)).toEqual([]);
    // An admin's list is their own too: the role does not show anyone else's intros.
    const admin = await m.member('Ada', { roles: ['MEMBER', 'ADMIN'] });
    expect(await introsOf(admin)).toEqual([]);

    await m.ok(OPS.intro, { id, consent: true }, target.token);
    expect(await introsOf(target)).toEqual([]);
  });

  it('given several intros to one target, then they come oldest acceptance first, and a declined one leaves the list', async () => {
    const target = await m.member('Kai');
    const [first, second] = [await askIntro(await m.member('Ivy'), target), await askIntro(await m.member('Lee'), target)];
    await m.ok(OPS.accept, { id: second, at: null }, mentor.token);
    m.clock.advance(60_000);
    await m.ok(OPS.accept, { id: first, at: null }, mentor.token);
    expect((await introsOf(target)).map((r) => r.id)).toEqual([second, first]);

    await m.ok(OPS.intro, { id: second, consent: false }, target.token);
    expect((await introsOf(target)).map((r) => r.id)).toEqual([first]);
  });

  it('given no token, then UNAUTHENTICATED and no data', async () => {
    const { data, errors } = await m.gql(INTROS);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });
});

describe('attestationsAwaitingMe', () => {
  const CONTEXT = 'Two years on the payments team together.';

  it('given an attestation, then only the member it names sees it, with its context, until they confirm', async () => {
    const [colleague, stranger] = [await m.member('Chloe'), await m.member('Dan')];
    expect(await attestationsOf(colleague)).toEqual([]);
    expect((await m.ok(ATTEST, { id: colleague.id, c: CONTEXT }, mentor.token)).attestWorkedTogether).toEqual({ workedTogether: false, attestationContext: CONTEXT });

    const awaiting = { mentor: { id: mentor.id }, seeker: { id: colleague.id }, workedTogether: false, attestationContext: CONTEXT };
    expect(await attestationsOf(colleague)).toEqual([awaiting]);
    expect(await attestationsOf(mentor)).toEqual([]); // the one who attested has nothing to confirm
    expect(await attestationsOf(stranger)).toEqual([]);

    expect((await m.ok(CONFIRM, { id: mentor.id }, colleague.token)).confirmWorkedTogether).toEqual({ workedTogether: true, attestationContext: CONTEXT });
    expect(await attestationsOf(colleague)).toEqual([]);
  });

  it('given attestations by two mentors, then the newest comes first; an erased mentor’s leaves the list', async () => {
    const [seeker, older, newer] = [await m.member('Finn'), await m.member('Gus'), await m.member('Hana')];
    await m.ok(ATTEST, { id: seeker.id, c: CONTEXT }, older.token);
    m.clock.advance(60_000);
    await m.ok(ATTEST, { id: seeker.id, c: 'We shipped the mobile app together in 2029.' }, newer.token);
    expect((await attestationsOf(seeker)).map((a) => (a.mentor as { id: string }).id)).toEqual([newer.id, older.id]);

    const client = await m.db.pool.connect();
    try {
      await scrubErasedMember(client, newer.id, m.clock.now().toISOString());
    } finally {
      client.release();
    }
    expect((await attestationsOf(seeker)).map((a) => (a.mentor as { id: string }).id)).toEqual([older.id]);
  });

  it('given no token, then UNAUTHENTICATED and no data', async () => {
    const { data, errors } = await m.gql(ATTESTATIONS);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });
});
