import { deriveLedger } from './ledger.fold.js';
import type { ReputationInput } from './reputation.inputs.js';
import { ana, at, ben, brief, cleo, dana, engagement, given, helped, names, sam, scoreOf, uuid } from './reputation.spec.fixtures.js';

/** Twelve different seekers, so neither the 1/k decay nor pay-forward interferes with the cap. */
const seekers = Array.from({ length: 12 }, (_, i) => uuid(500 + i));

describe('anti-gaming: the daily cap on points from help', () => {
  it('given Sam earned 100 today, when he completes one more call, then a 0-point line says the cap was reached', () => {
    const today = seekers.slice(0, 10).flatMap((s, i) => helped(sam, s, at(0, 8, i)));
    const { added, ledger } = given(today).when(helped(sam, seekers[10]!, at(0, 20)));
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'completion.advice-call', points: 0, reason: '+0 advice call completed for Erased member (daily cap of 100 reached: 0 of 10)' },
    ]);
    expect(scoreOf(ledger, sam)).toBe(100);
  });

  it('given Sam earned 95 today, when a rated bonus arrives, then it earns 0 and the line says so', () => {
    const e = engagement(sam, dana);
    const history = [...seekers.slice(0, 9).flatMap((s, i) => helped(sam, s, at(0, 8, i))), e.completed(at(0, 9))];
    const ledgerBefore = deriveLedger(history, names);
    expect(scoreOf(ledgerBefore, sam)).toBe(100);
    const { added } = given(history).when([e.feedback('SEEKER', 5, at(0, 12))]);
    expect(added.find((x) => x.ruleId === 'completion.rated-bonus')).toMatchObject({
      points: 0,
      reason: '+0 Dana rated your advice call 5/5 (daily cap of 100 reached: 0 of 5)',
    });
  });

  it('given Sam earned 90 today, when he vouches (+20), then the line earns the 10 left and says "10 of 20"', () => {
    const nine = seekers.slice(0, 9).flatMap((s, i) => helped(sam, s, at(0, 8, i)));
    const { added } = given(nine).when([engagement(sam, ana, 'REFERRAL').vouched(at(0, 9))]);
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'referral.vouched', points: 10, reason: "+10 vouched for Ana's referral (daily cap of 100 reached: 10 of 20)" },
    ]);
  });

  it('given a new UTC day, then the cap starts again', () => {
    const day0 = seekers.slice(0, 11).flatMap((s, i) => helped(sam, s, at(0, 8, i)));
    const { added } = given(day0).when(helped(sam, seekers[11]!, at(1, 0, 1)));
    expect(added.map((x) => x.points)).toEqual([10]);
  });

  it('applies the cap in event-time order, whatever order the events are delivered in', () => {
    const facts = seekers.slice(0, 11).flatMap((s, i) => helped(sam, s, at(0, 8, i)));
    const inOrder = deriveLedger(facts, names);
    const late = deriveLedger([...facts].reverse(), names);
    expect(late).toEqual(inOrder);
    expect(inOrder.entries.at(-1)).toMatchObject({ points: 0, occurredAt: at(0, 8, 10) });
  });

  it('does not cap penalties, feedback or admin adjustments', () => {
    const today = seekers.slice(0, 10).flatMap((s, i) => helped(sam, s, at(0, 8, i)));
    const e = engagement(ben, sam);
    const { added } = given(today, [e.completed(at(0, 9))]).when([e.feedback('SEEKER', 5, at(0, 11))]);
    expect(added.find((x) => x.memberId === sam)).toMatchObject({ ruleId: 'feedback.left', points: 2 });
  });
});

describe('anti-gaming: the k-th completion between a pair within 90 days earns 1/k', () => {
  it('given Sam helped Dana once, when he helps her again, then ½ and the reason says so', () => {
    const { added } = given(helped(sam, dana, at(0))).when(helped(sam, dana, at(10)));
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'completion.advice-call', points: 5, reason: '+5 advice call completed for Dana (2nd with Dana in 90 days: ½)' },
    ]);
  });

  it('given two earlier completions, when the third comes, then 10/3 rounded down = 3, and its 5-rated bonus 5/3 = 1', () => {
    const e = engagement(sam, dana);
    const { added } = given(helped(sam, dana, at(0)), helped(sam, dana, at(5))).when([e.completed(at(9)), e.feedback('SEEKER', 5, at(10))]);
    expect(added.filter((x) => x.memberId === sam).map(brief)).toEqual([
      { memberId: sam, ruleId: 'completion.advice-call', points: 3, reason: '+3 advice call completed for Dana (3rd with Dana in 90 days: ⅓)' },
      { memberId: sam, ruleId: 'completion.rated-bonus', points: 1, reason: '+1 Dana rated your advice call 5/5 (3rd with Dana in 90 days: ⅓)' },
    ]);
  });

  it('counts the pair in either direction (Dana helping Sam is still "between the same pair")', () => {
    const { added } = given(helped(dana, sam, at(0))).when(helped(sam, dana, at(20)));
    expect(added.map((x) => x.points)).toEqual([5]);
  });

  it('given the earlier completion is more than 90 days old, then full points again', () => {
    const { added } = given(helped(sam, dana, at(0))).when(helped(sam, dana, at(91)));
    expect(added.map((x) => x.points)).toEqual([10]);
  });

  it('does not decay a referral vouch (a referral rests on earlier help by design)', () => {
    const { added } = given(helped(sam, dana, at(0), 5)).when([engagement(sam, dana, 'REFERRAL').vouched(at(2))]);
    expect(added.map((x) => x.points)).toEqual([20]);
  });
});

describe('anti-gaming: flags', () => {
  it('given Ana helped Ben, when Ben helps Ana within 7 days, then a reciprocal-pair flag with the events and members as evidence', () => {
    const first = helped(ana, ben, at(0));
    const second = helped(ben, ana, at(6));
    const { ledger } = given(first).when(second);
    expect(ledger.flags).toEqual([
      expect.objectContaining({
        kind: 'RECIPROCAL_PAIR',
        memberId: ben,
        evidence: { eventIds: [first[0]!.id, second[0]!.id], memberIds: [ana, ben] },
        raisedAt: at(6),
        status: 'OPEN',
        description: 'Ana and Ben helped each other within 7 days (2 completions)',
      }),
    ]);
  });

  it('raises no flag when the return help comes after more than 7 days', () => {
    expect(given(helped(ana, ben, at(0))).when(helped(ben, ana, at(7, 11))).ledger.flags).toEqual([]);
  });

  it('does not change points by itself (both keep their completion points)', () => {
    const { ledger } = given(helped(ana, ben, at(0))).when(helped(ben, ana, at(2)));
    expect([scoreOf(ledger, ana), scoreOf(ledger, ben)]).toEqual([10, 5]); // Ben's is the 2nd between the pair: ½
  });

  it('grows the open flag with a further reciprocal completion instead of raising another', () => {
    const { ledger } = given(helped(ana, ben, at(0)), helped(ben, ana, at(1))).when(helped(ana, ben, at(2)));
    expect(ledger.flags).toHaveLength(1);
    expect(ledger.flags[0]!.evidence.eventIds).toHaveLength(3);
  });

  it('given 5 completions by Sam today, when a 6th comes, then a burst flag with all six as evidence', () => {
    const five = seekers.slice(0, 5).flatMap((s, i) => helped(sam, s, at(0, 9, i)));
    expect(deriveLedger(five, names).flags).toEqual([]);
    const sixth = helped(sam, seekers[5]!, at(0, 15));
    const { ledger } = given(five).when(sixth);
    expect(ledger.flags).toEqual([
      expect.objectContaining({ kind: 'BURST', memberId: sam, raisedAt: at(0, 15), status: 'OPEN', description: 'Sam completed 6 requests on 2026-03-02 (more than 5)' }),
    ]);
    expect(ledger.flags[0]!.evidence.eventIds).toEqual([...five, ...sixth].map((f: ReputationInput) => f.id));
    expect(ledger.flags[0]!.evidence.memberIds).toEqual([sam, ...seekers.slice(0, 6)]);
  });

  it('counts bursts per UTC day: 5 before midnight and 5 after raise nothing', () => {
    const facts = seekers.slice(0, 10).flatMap((s, i) => helped(sam, s, i < 5 ? at(0, 19, i) : at(1, 1, i)));
    expect(deriveLedger(facts, names).flags).toEqual([]);
  });
});
