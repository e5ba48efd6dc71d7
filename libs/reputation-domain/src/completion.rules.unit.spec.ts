import { EVENT_CATALOG } from '@payforward/contracts';
import { deriveLedger } from './ledger.fold.js';
import { ana, at, ben, brief, cleo, dana, engagement, given, helped, names, sam, scoreOf } from './reputation.spec.fixtures.js';
import type { ReputationInput } from './reputation.inputs.js';

describe('rulebook v1: completions', () => {
  it.each([
    ['ADVICE_CALL', 'completion.advice-call', '+10 advice call completed for Dana'],
    ['RESUME_REVIEW', 'completion.resume-review', '+10 résumé review completed for Dana'],
    ['MOCK_INTERVIEW', 'completion.mock-interview', '+10 mock interview completed for Dana'],
  ] as const)('given an accepted %s, when it completes, then the mentor gets +10', (kind, ruleId, reason) => {
    const e = engagement(sam, dana, kind);
    const { added } = given().when([e.completed(at(0))]);
    expect(added.map(brief)).toEqual([{ memberId: sam, ruleId, points: 10, reason }]);
    expect(added[0]).toMatchObject({ ruleVersion: 1, sourceEventId: expect.any(String), occurredAt: at(0), requestId: e.ids.requestId });
  });

  it('given a completed call, when the seeker rates it 4 later, then the mentor gets +5 more and the seeker +2 for closing the loop', () => {
    const e = engagement(sam, dana);
    const { added, ledger } = given([e.completed(at(0))]).when([e.feedback('SEEKER', 4, at(3))]);
    expect(added.map(brief)).toEqual([
      { memberId: dana, ruleId: 'feedback.left', points: 2, reason: "+2 closed the loop: feedback on Sam's advice call" },
      { memberId: sam, ruleId: 'completion.rated-bonus', points: 5, reason: '+5 Dana rated your advice call 4/5' },
    ]);
    expect(added.every((entry) => entry.occurredAt === at(3))).toBe(true); // the bonus arrives with the feedback
    expect(scoreOf(ledger, sam)).toBe(15);
  });

  it('given a completed call, when the seeker rates it 3, then no bonus (the feedback still earns the seeker +2)', () => {
    const e = engagement(sam, dana);
    const { added } = given([e.completed(at(0))]).when([e.feedback('SEEKER', 3, at(1))]);
    expect(added.map((x) => x.ruleId)).toEqual(['feedback.left']);
  });

  it("given a completed call, when the mentor leaves feedback, then nobody earns anything (only the seeker's rating counts)", () => {
    const e = engagement(sam, dana);
    expect(given([e.completed(at(0))]).when([e.feedback('MENTOR', 5, at(1))]).added).toEqual([]);
  });

  it('given a consented intro, when it completes, then the mentor gets +15 naming whom they introduced; a 5 rating adds no bonus', () => {
    const e = engagement(sam, dana, 'INTRO');
    const { added } = given([e.consented(cleo, at(0))]).when([e.completed(at(1)), e.feedback('SEEKER', 5, at(2))]);
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'completion.intro', points: 15, reason: '+15 introduction of Dana to Cleo completed' },
      { memberId: dana, ruleId: 'feedback.left', points: 2, reason: "+2 closed the loop: feedback on Sam's introduction" },
    ]);
    expect(added[0]!.counterparties).toEqual([dana, cleo]);
  });
});

describe('rulebook v1: referrals', () => {
  it('given an accepted referral, when the mentor vouches on a grounded basis, then +20', () => {
    const e = engagement(sam, dana, 'REFERRAL');
    expect(given().when([e.vouched(at(0))]).added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'referral.vouched', points: 20, reason: "+20 vouched for Dana's referral" },
    ]);
  });

  it('given a vouch resting on a confirmed worked-together attestation only, then it is grounded too', () => {
    const e = engagement(sam, dana, 'REFERRAL');
    const { added } = given().when([e.vouched(at(0), { completedEngagementsWithGoodRating: 0, workedTogetherConfirmed: true })]);
    expect(added.map((x) => x.points)).toEqual([20]);
  });

  it('given a vouch without relationship evidence, then nothing (only grounded referrals earn)', () => {
    const e = engagement(sam, dana, 'REFERRAL');
    expect(given().when([e.vouched(at(0), { completedEngagementsWithGoodRating: 0, workedTogetherConfirmed: false })]).added).toEqual([]);
  });

  it('given a vouched referral, when it completes and the seeker reports INTERVIEWED then HIRED, then +30 more only for HIRED', () => {
    const e = engagement(sam, dana, 'REFERRAL');
    const { added, ledger } = given([e.vouched(at(0))]).when([e.completed(at(1)), e.outcome('INTERVIEWED', at(5)), e.outcome('HIRED', at(20))]);
    expect(added.map(brief)).toEqual([{ memberId: sam, ruleId: 'referral.hired', points: 30, reason: '+30 Dana was hired after your referral' }]);
    expect(scoreOf(ledger, sam)).toBe(50);
  });

  it('given a vouched referral, when the outcome is NOT_SELECTED, then nothing is taken away', () => {
    const e = engagement(sam, dana, 'REFERRAL');
    expect(given([e.vouched(at(0))]).when([e.outcome('NOT_SELECTED', at(9))]).added).toEqual([]);
  });
});

describe('rulebook v1: saying no costs 0', () => {
  it.each([
    ['a decline (no capacity)', (e: ReturnType<typeof engagement>) => e.declined('NO_CAPACITY', at(1))],
    ['a decline (not a fit)', (e: ReturnType<typeof engagement>) => e.declined('NOT_A_FIT', at(1))],
    ['an expiry', (e: ReturnType<typeof engagement>) => e.expired(at(7))],
    ['a withdrawal', (e: ReturnType<typeof engagement>) => e.withdrawn(at(1))],
  ])('given a request, when %s happens, then no ledger line for anyone and both scores stay 0', (_, end) => {
    const { added, ledger } = given().when([end(engagement(sam, dana))]);
    expect(added).toEqual([]);
    expect([scoreOf(ledger, sam), scoreOf(ledger, dana)]).toEqual([0, 0]);
  });

  it('given a referral request, when the mentor refuses it ("don\'t know you well enough"), then 0 for both', () => {
    const { added } = given().when([engagement(sam, dana, 'REFERRAL').declined('DONT_KNOW_YOU_WELL_ENOUGH', at(1))]);
    expect(added).toEqual([]);
  });

  it('given an accepted intro, when the target declines, then 0 for everyone', () => {
    expect(given().when([engagement(sam, dana, 'INTRO').introDeclined(cleo, at(1))]).added).toEqual([]);
  });

  it('given earned points, when the mentor declines later requests, then the score is unchanged (never negative)', () => {
    const { ledger } = given(helped(sam, dana, at(0))).when([engagement(sam, ben).declined('NOT_A_FIT', at(1)), engagement(sam, ana).expired(at(8))]);
    expect(scoreOf(ledger, sam)).toBe(10);
  });
});

describe('rulebook v1: no-shows', () => {
  it('given an accepted call, when the seeker is reported absent, then the seeker loses 5', () => {
    const { added } = given().when([engagement(sam, dana).noShow('SEEKER', 'MENTOR', at(0))]);
    expect(added.map(brief)).toEqual([{ memberId: dana, ruleId: 'no-show.seeker', points: -5, reason: '−5 no-show: you missed the advice call with Sam' }]);
  });

  it('given an accepted call, when the mentor is reported absent, then the mentor loses 10 (and no cap applies to penalties)', () => {
    const { added } = given().when([engagement(sam, dana).noShow('MENTOR', 'SEEKER', at(0))]);
    expect(added.map(brief)).toEqual([{ memberId: sam, ruleId: 'no-show.mentor', points: -10, reason: '−10 no-show: you missed the advice call with Dana' }]);
  });
});

describe('ledger identity', () => {
  it('gives every line the same id on every derivation, one per (member, rule, source event)', () => {
    const facts: ReputationInput[] = helped(sam, dana, at(0), 5);
    const first = deriveLedger(facts, names).entries.map((e) => e.id);
    expect(deriveLedger([...facts].reverse(), names).entries.map((e) => e.id)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('names an erased member "Erased member" through the lookup, without changing points', () => {
    const erased = '0193a0b4-6f1e-7c3a-9d2e-0000000000ff';
    const { added } = given().when(helped(sam, erased, at(0)));
    expect(added.map(brief)).toEqual([{ memberId: sam, ruleId: 'completion.advice-call', points: 10, reason: '+10 advice call completed for Erased member' }]);
  });

  it('uses fixtures that satisfy the marketplace contracts', () => {
    const e = engagement(sam, dana, 'REFERRAL');
    for (const f of [e.vouched(at(0)), e.completed(at(1)), e.outcome('HIRED', at(2)), e.feedback('SEEKER', 5, at(3)), e.noShow('MENTOR', 'SEEKER', at(4))]) {
      expect(EVENT_CATALOG[f.type]!.schema.safeParse(f.data).success).toBe(true);
    }
  });
});
