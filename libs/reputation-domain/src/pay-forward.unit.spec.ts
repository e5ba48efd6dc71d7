import { deriveLedger } from './ledger.fold.js';
import { ana, at, ben, brief, cleo, dana, eli, given, helped, names, sam, scoreOf } from './reputation.spec.fixtures.js';

/** Day 0 is 2026-03-02, so "helped in March" below. */
describe('pay it forward', () => {
  it('given Ana helped Ben (rated 5), when Ben later helps Cleo, then Ben gets +25 and Ana a +5 ripple, each explained', () => {
    const { added, ledger } = given(helped(ana, ben, at(0), 5)).when(helped(ben, cleo, at(40)));
    expect(added.map(brief)).toEqual([
      { memberId: ben, ruleId: 'completion.advice-call', points: 10, reason: '+10 advice call completed for Cleo' },
      { memberId: ben, ruleId: 'pay-forward.forwarder', points: 25, reason: '+25 paid it forward: you helped Cleo after being helped yourself' },
      { memberId: ana, ruleId: 'pay-forward.ripple', points: 5, reason: '+5 ripple: Ben, whom you helped in March, helped someone' },
    ]);
    // Ben: +2 for the feedback he left Ana, +10, +25. Ana: +10, +5 bonus, +5 ripple.
    expect([scoreOf(ledger, ben), scoreOf(ledger, ana)]).toEqual([37, 20]);
    expect(ledger.summaries.find((s) => s.memberId === ben)?.paidForwardCount).toBe(1);
  });

  it('given Ana helped Ben, when Ben helps Ana back, then no pay-forward (that is reciprocity)', () => {
    const { added } = given(helped(ana, ben, at(0))).when(helped(ben, ana, at(30)));
    expect(added.map((e) => e.ruleId)).toEqual(['completion.advice-call']);
  });

  it('given Ana helped Ben two years ago, when Ben helps Ana, then still no pay-forward (helping any past mentor back is reciprocity)', () => {
    const { added } = given(helped(ana, ben, at(-800)), helped(dana, ben, at(0))).when(helped(ben, ana, at(10)));
    expect(added.map((e) => e.ruleId)).toEqual(['completion.advice-call']);
  });

  it('given Ana helped Ben 13 months ago, when Ben helps Cleo, then no pay-forward (outside the 12 months)', () => {
    const { added } = given(helped(ana, ben, at(-400))).when(helped(ben, cleo, at(0)));
    expect(added.map((e) => e.ruleId)).toEqual(['completion.advice-call']);
  });

  it('given the window is 12 calendar months, when Ben helps Cleo 12 months to the minute later, then it still counts', () => {
    const { added } = given(helped(ana, ben, '2025-03-02T10:00:00.000Z')).when(helped(ben, cleo, '2026-03-02T10:00:00.000Z'));
    expect(added.map((e) => e.ruleId)).toContain('pay-forward.forwarder');
    expect(added.find((e) => e.ruleId === 'pay-forward.ripple')?.reason).toBe('+5 ripple: Ben, whom you helped in March 2025, helped someone');
  });

  it('given Ben already paid forward to Cleo, when he helps Cleo again, then no second +25 (once per new seeker)', () => {
    const { added } = given(helped(ana, ben, at(0)), helped(ben, cleo, at(10))).when(helped(ben, cleo, at(20)));
    expect(added.map((e) => e.ruleId)).toEqual(['completion.advice-call']);
  });

  it('given Ana and Dana both helped Ben this year, when Ben helps Cleo, then both get a ripple', () => {
    const { added } = given(helped(ana, ben, at(0)), helped(dana, ben, at(5))).when(helped(ben, cleo, at(20)));
    expect(added.filter((e) => e.ruleId === 'pay-forward.ripple').map((e) => e.memberId).sort()).toEqual([ana, dana].sort());
    expect(added.find((e) => e.ruleId === 'pay-forward.forwarder')?.qualifiedBy.sort()).toEqual([ana, dana].sort());
  });

  it('given Cleo was never helped, when she helps Eli, then no pay-forward', () => {
    expect(given().when(helped(cleo, eli, at(0))).added.map((e) => e.ruleId)).toEqual(['completion.advice-call']);
  });

  it('given Ben paid forward to three different seekers, then he earns the Forwarder badge', () => {
    const ledger = deriveLedger([...helped(ana, ben, at(0)), ...helped(ben, cleo, at(5)), ...helped(ben, dana, at(6)), ...helped(ben, eli, at(7))], names);
    expect(ledger.summaries.find((s) => s.memberId === ben)).toMatchObject({ paidForwardCount: 3, badges: ['Forwarder'] });
    expect(ledger.entries.filter((e) => e.ruleId === 'pay-forward.ripple' && e.memberId === ana)).toHaveLength(3);
  });

  it('given a ripple, when Ana reads it, then the seeker stays anonymous ("helped someone")', () => {
    const { added } = given(helped(ana, ben, at(0))).when(helped(ben, sam, at(3)));
    expect(added.find((e) => e.memberId === ana)?.reason).not.toContain('Sam');
  });
});
