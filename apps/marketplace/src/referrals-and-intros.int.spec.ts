import { jest } from '@jest/globals';
import { capacityStreamId, helpRequestStreamId } from '@payforward/contracts';
import { ADVICE_CALL_FIRST, INTRO_DECLINED_GUIDANCE, periodFor } from '@payforward/marketplace-domain';
import { ALWAYS_AVAILABLE, GOAL, MESSAGE, OPS, offerInput, startMarketplace, type SpecMarketplace } from './marketplace.spec.fixtures.js';

/**
 * The product's core invariants, through the subgraph: a referral rests on a relationship
 * (a completed engagement rated ≥ 4, or worked together confirmed by both), and an intro is
 * double opt-in.
 */
jest.setTimeout(60_000);

const HOUR = 3_600_000;

let m: SpecMarketplace;
let mentor: { id: string; token: string };
let referralOffer: string;

beforeAll(async () => {
  m = await startMarketplace('referrals');
  mentor = await m.member('Maya');
  await m.ok(OPS.availability, { input: ALWAYS_AVAILABLE }, mentor.token);
  referralOffer = (await m.ok(OPS.publish, { input: offerInput('REFERRAL') }, mentor.token)).publishOffer.id;
}, 60_000);

afterAll(async () => {
  await m?.close();
}, 60_000);

const askReferral = (token: string) => m.gql(OPS.request, { input: { offerId: referralOffer, message: MESSAGE, goal: GOAL } }, token);

describe('grounded referrals', () => {
  it('given no relationship, when asking for a referral, then RELATIONSHIP_REQUIRED with the next step, and nothing written', async () => {
    const seeker = await m.member('Sam');
    const before = await m.eventCount();
    const { data, errors } = await askReferral(seeker.token);
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: 'RELATIONSHIP_REQUIRED', field: 'input.offerId' } })]);
    expect(errors![0]!.message).toContain(ADVICE_CALL_FIRST);
    expect(await m.eventCount()).toBe(before);
    expect((await m.ok(OPS.relationship, { m: mentor.id, s: seeker.id }, seeker.token)).relationship).toEqual({
      mentor: { id: mentor.id },
      seeker: { id: seeker.id },
      completedEngagements: 0,
      workedTogether: false,
      referralEligible: false,
    });
  });

  it('given an advice call completed and rated 4 by the seeker, when asking for a referral, then it is accepted, vouched with its basis, and the outcome reported', async () => {
    const seeker = await m.member('Lee');
    const call = (await m.ok(OPS.publish, { input: offerInput('ADVICE_CALL') }, mentor.token)).publishOffer.id;
    const { requestHelp } = await m.ok(OPS.request, { input: { offerId: call, message: MESSAGE, goal: GOAL } }, seeker.token);
    const at = new Date(m.clock.now().getTime() + 24 * HOUR);
    await m.ok(OPS.accept, { id: requestHelp.id, at: at.toISOString() }, mentor.token);
    expect((await m.gql(OPS.complete, { id: requestHelp.id }, mentor.token)).errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', field: 'id' } })]);
    m.clock.advance(25 * HOUR);
    await m.ok(OPS.complete, { id: requestHelp.id }, mentor.token);
    // A rating of 3 from the mentor does not count; the seeker's 4 does.
    await m.ok(OPS.feedback, { id: requestHelp.id, rating: 3, note: null }, mentor.token);
    expect((await m.ok(OPS.relationship, { m: mentor.id, s: seeker.id }, seeker.token)).relationship).toMatchObject({ completedEngagements: 1, referralEligible: false });
    await m.ok(OPS.feedback, { id: requestHelp.id, rating: 4, note: 'Exactly what I needed.' }, seeker.token);
    expect((await m.ok(OPS.relationship, { m: mentor.id, s: seeker.id }, seeker.token)).relationship).toMatchObject({ completedEngagements: 1, referralEligible: true });

    const { data, errors } = await askReferral(seeker.token);
    expect(errors).toBeUndefined();
    const referral = data!.requestHelp;
    expect(referral).toMatchObject({ status: 'SUBMITTED', kind: 'REFERRAL' });
    await m.ok(OPS.accept, { id: referral.id, at: null }, mentor.token);
    const statement = 'Lee structured a clear preparation plan and followed through on it in our session.';
    expect((await m.ok(OPS.vouch, { id: referral.id, statement }, mentor.token)).vouch).toMatchObject({ vouchStatement: statement });
    expect((await m.ok(OPS.outcome, { id: referral.id, outcome: 'HIRED' }, seeker.token)).reportReferralOutcome).toMatchObject({ referralOutcome: 'HIRED' });
    await m.ok(OPS.complete, { id: referral.id }, mentor.token);
    const vouched = await m.db.pool.query("SELECT data FROM es_events WHERE stream_id = $1 AND type = 'ReferralVouched'", [helpRequestStreamId(referral.id)]);
    expect(vouched.rows[0].data.basis).toEqual({ completedEngagementsWithGoodRating: 1, workedTogetherConfirmed: false });
  });

  it('given a worked-together attestation, when the seeker confirms it, then the pair is eligible even for a worked-together-only offer', async () => {
    const seeker = await m.member('Chloe');
    const strict = (await m.ok(OPS.publish, { input: offerInput('REFERRAL', { workedTogetherOnly: true, title: 'Referral, colleagues only' }) }, mentor.token)).publishOffer.id;
    const ask = () => m.gql(OPS.request, { input: { offerId: strict, message: MESSAGE, goal: GOAL } }, seeker.token);
    const attest = 'mutation($id: ID!, $c: String!) { attestWorkedTogether(memberId: $id, context: $c) { workedTogether referralEligible } }';
    expect((await m.ok(attest, { id: seeker.id, c: 'Two years on the payments team' }, mentor.token)).attestWorkedTogether).toEqual({ workedTogether: false, referralEligible: false });
    expect((await ask()).errors).toEqual([expect.objectContaining({ extensions: { code: 'RELATIONSHIP_REQUIRED', field: 'input.offerId' } })]);
    const confirm = 'mutation($id: ID!) { confirmWorkedTogether(mentorId: $id) { workedTogether referralEligible completedEngagements } }';
    expect((await m.ok(confirm, { id: mentor.id }, seeker.token)).confirmWorkedTogether).toEqual({ workedTogether: true, referralEligible: true, completedEngagements: 0 });
    expect((await ask()).data!.requestHelp.status).toBe('SUBMITTED');
    // Only the attested member can confirm: anyone else finds nothing to confirm.
    const other = await m.member('Ben');
    expect((await m.gql(confirm, { id: mentor.id }, other.token)).errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND', field: 'mentorId' } })]);
  });
});

describe('double-opt-in intros', () => {
  it('given an accepted intro, when the target consents, then consent is recorded and the intro can complete; when another target declines, the capacity comes back', async () => {
    const intro = (await m.ok(OPS.publish, { input: offerInput('INTRO', { capacity: 2 }) }, mentor.token)).publishOffer.id;
    const [seeker, target, shy] = [await m.member('Arjun'), await m.member('Eve'), await m.member('Kai')];
    const ask = async (who: { token: string }, introTargetId: string) =>
      (await m.ok(OPS.request, { input: { offerId: intro, message: MESSAGE, goal: GOAL, introTargetId } }, who.token)).requestHelp.id as string;

    const yes = await ask(seeker, target.id);
    expect((await m.gql(OPS.intro, { id: yes, consent: true }, target.token)).errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', field: 'requestId' } })]);
    await m.ok(OPS.accept, { id: yes, at: null }, mentor.token);
    expect((await m.gql(OPS.complete, { id: yes }, mentor.token)).errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', field: 'id' } })]);
    expect((await m.ok(OPS.helpRequest, { id: yes }, target.token)).helpRequest).toMatchObject({ status: 'ACCEPTED', introConsent: null });
    expect((await m.ok(OPS.intro, { id: yes, consent: true }, target.token)).respondToIntro).toMatchObject({ status: 'ACCEPTED', introConsent: true });
    expect((await m.ok(OPS.complete, { id: yes }, mentor.token)).completeRequest.status).toBe('COMPLETED');

    const other = await m.member('Ivy');
    const no = await ask(other, shy.id);
    await m.ok(OPS.accept, { id: no, at: null }, mentor.token);
    expect((await m.ok(OPS.helpRequest, { id: no }, mentor.token)).helpRequest.offer.remainingCapacity).toBe(0);
    const declined = (await m.ok(OPS.intro, { id: no, consent: false }, shy.token)).respondToIntro;
    expect(declined).toMatchObject({ status: 'DECLINED', introConsent: false, guidance: INTRO_DECLINED_GUIDANCE, offer: { remainingCapacity: 1 } });
    const ledger = await m.db.pool.query('SELECT type, data FROM es_events WHERE stream_id = $1 ORDER BY version', [
      capacityStreamId(intro, periodFor('MONTH', m.clock.now()).key),
    ]);
    expect(ledger.rows.map((r) => [r.type, r.data.used])).toEqual([
      ['CapacityReserved', 1],
      ['CapacityReserved', 2],
      ['CapacityReleased', 1],
    ]);
  });
});
