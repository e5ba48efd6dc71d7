import { deriveLedger } from './ledger.fold.js';
import { flagCoverage } from './reversal.rules.js';
import {
  adjusted,
  ana,
  at,
  ben,
  brief,
  cleo,
  dana,
  engagement,
  flagDismissed,
  flagReversed,
  given,
  helped,
  names,
  reinstated,
  sam,
  scoreOf,
  suspended,
} from './reputation.spec.fixtures.js';

describe('reversal when a member is suspended for fraud', () => {
  it('given Sam earned +10, +5 bonus with Dana, when Dana is suspended for fraud, then one −15 line reverses them; nothing is deleted', () => {
    const history = helped(sam, dana, at(0), 5);
    const before = deriveLedger(history, names);
    const { added, ledger } = given(history).when([suspended(dana, at(3))]);
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'reversal.suspension', points: -15, reason: '−15 reversed 2 entries: Dana was suspended for fraud' },
    ]);
    const samsLines = before.entries.filter((e) => e.memberId === sam);
    expect(added[0]!.reverses).toEqual(samsLines.map((e) => e.id));
    expect(ledger.entries.slice(0, before.entries.length)).toEqual(before.entries); // append-only
    expect(scoreOf(ledger, sam)).toBe(0);
    expect(scoreOf(ledger, dana)).toBe(2); // the fraudster's own lines are not the point of the reversal
  });

  it("reverses the ripple and the pay-forward that rested on the suspended member's help", () => {
    const history = [...helped(ana, ben, at(0)), ...helped(ben, cleo, at(10))];
    const { added, ledger } = given(history).when([suspended(cleo, at(12))]);
    expect(added.map(brief)).toEqual([
      { memberId: ben, ruleId: 'reversal.suspension', points: -35, reason: '−35 reversed 2 entries: Cleo was suspended for fraud' },
      {
        memberId: ana,
        ruleId: 'reversal.suspension',
        points: -5,
        reason: '−5 reversed “ripple: Ben, whom you helped in March, helped someone” (+5): Cleo was suspended for fraud',
      },
    ]);
    expect(ledger.summaries.find((s) => s.memberId === ben)?.paidForwardCount).toBe(0);
    expect(scoreOf(ledger, ana)).toBe(10);
  });

  it('given the forwarder himself is suspended, then the ripples he caused are reversed for his mentors', () => {
    const { added } = given(helped(ana, ben, at(0)), helped(ben, cleo, at(10))).when([suspended(ben, at(12))]);
    expect(added.map((e) => [e.memberId, e.points])).toEqual([[ana, -15]]); // Ana's +10 with Ben and her +5 ripple
  });

  it("reverses a pay-forward when every mentor who qualified it is suspended, not while one of them stands", () => {
    const history = [...helped(ana, ben, at(0)), ...helped(dana, ben, at(1)), ...helped(ben, cleo, at(10))];
    const oneDown = given(history).when([suspended(ana, at(12))]);
    expect(oneDown.added).toEqual([]); // Dana's help still qualifies Ben
    const bothDown = given(history, [suspended(ana, at(12))]).when([suspended(dana, at(13))]);
    expect(bothDown.added.map(brief)).toEqual([
      {
        memberId: ben,
        ruleId: 'reversal.suspension',
        points: -25,
        reason: '−25 reversed “paid it forward: you helped Cleo after being helped yourself” (+25): Dana was suspended for fraud',
      },
    ]);
  });

  it('gives back a no-show penalty the fraudster reported against someone else', () => {
    const { added } = given([engagement(sam, dana).noShow('MENTOR', 'SEEKER', at(0))]).when([suspended(dana, at(1))]);
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'reversal.suspension', points: 10, reason: '+10 reversed “no-show: you missed the advice call with Dana” (−10): Dana was suspended for fraud' },
    ]);
  });

  it('given a suspension that is not for fraud, then nothing is reversed', () => {
    expect(given(helped(sam, dana, at(0), 5)).when([suspended(dana, at(3), false)]).added).toEqual([]);
  });

  it('given Dana is suspended for fraud, when a session with her completes anyway, then the line is born 0 and says why; after reinstatement points count again', () => {
    const { added } = given([suspended(dana, at(0))]).when(helped(sam, dana, at(1)), [reinstated(dana, at(2))], helped(ben, dana, at(3)));
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'completion.advice-call', points: 0, reason: '+0 advice call completed for Dana (no points: Dana was suspended for fraud)' },
      { memberId: ben, ruleId: 'completion.advice-call', points: 10, reason: '+10 advice call completed for Dana' },
    ]);
    expect(added[0]!.voidedBy).not.toBeNull();
  });

  it('never reverses the same line twice (a second suspension finds nothing left)', () => {
    const { added } = given(helped(sam, dana, at(0)), [suspended(dana, at(1)), reinstated(dana, at(2))]).when([suspended(dana, at(3))]);
    expect(added).toEqual([]);
  });
});

describe('admin review', () => {
  const reciprocal = () => {
    const ab = engagement(ana, ben);
    const ba = engagement(ben, ana);
    return { ab, ba, facts: [ab.completed(at(0)), ab.feedback('SEEKER', 5, at(0, 12)), ba.completed(at(2)), ba.feedback('SEEKER', 5, at(2, 12))] };
  };

  it('given an open reciprocal flag, when an admin reverses it, then exactly the covered points go, one line per member, and scores drop by that much', () => {
    const { facts } = reciprocal();
    const before = deriveLedger(facts, names);
    const flag = before.flags[0]!;
    const covered = flagCoverage(flag, before.entries);
    expect(covered.reduce((sum, e) => sum + e.points, 0)).toBe(before.summaries.reduce((sum, s) => sum + s.score, 0));
    const { added, ledger } = given(facts).when([flagReversed(flag.id, at(4))]);
    expect(added.map(brief)).toEqual([
      // Ana: +10 call, +5 Ben's rating, +2 her feedback. Ben: +5 call (2nd with Ana: ½), +2 bonus (½), +2 feedback.
      { memberId: ana, ruleId: 'reversal.flag', points: -17, reason: '−17 reversed 3 entries after review of a reciprocal-help flag: Staged sessions' },
      { memberId: ben, ruleId: 'reversal.flag', points: -9, reason: '−9 reversed 3 entries after review of a reciprocal-help flag: Staged sessions' },
    ]);
    expect([scoreOf(ledger, ana), scoreOf(ledger, ben)]).toEqual([0, 0]);
    expect(ledger.flags[0]).toMatchObject({ status: 'REVERSED', resolution: { status: 'REVERSED', adminId: expect.any(String), note: 'Staged sessions', at: at(4) } });
  });

  it('given a reversed flag, when feedback on a flagged request arrives later, then it is born 0 with the reason', () => {
    const ab = engagement(ana, ben);
    const facts = [ab.completed(at(0)), ...helped(ben, ana, at(1))];
    const flag = deriveLedger(facts, names).flags[0]!;
    const { added } = given(facts, [flagReversed(flag.id, at(2))]).when([ab.feedback('SEEKER', 5, at(3))]);
    expect(added.map((e) => [e.ruleId, e.points, e.reason])).toEqual([
      ['feedback.left', 0, "+0 closed the loop: feedback on Ana's advice call (no points: this help was reversed after review)"],
      ['completion.rated-bonus', 0, '+0 Ben rated your advice call 5/5 (no points: this help was reversed after review)'],
    ]);
  });

  it('given an open flag, when an admin dismisses it, then no points change and the note is kept', () => {
    const { facts } = reciprocal();
    const flag = deriveLedger(facts, names).flags[0]!;
    const { added, ledger } = given(facts).when([flagDismissed(flag.id, at(4))]);
    expect(added).toEqual([]);
    expect(ledger.flags[0]).toMatchObject({ status: 'DISMISSED', resolution: { note: 'They are colleagues; legitimate.' } });
  });

  it('given a dismissed flag, when someone tries to reverse it later, then the first decision stands', () => {
    const { facts } = reciprocal();
    const flag = deriveLedger(facts, names).flags[0]!;
    const { added, ledger } = given(facts, [flagDismissed(flag.id, at(4))]).when([flagReversed(flag.id, at(5))]);
    expect(added).toEqual([]);
    expect(ledger.flags[0]!.status).toBe('DISMISSED');
  });

  it('ignores a resolution of an unknown flag', () => {
    expect(given(helped(sam, dana, at(0))).when([flagReversed('0193a0b4-6f1e-7c3a-9d2e-00000000abcd', at(1))]).added).toEqual([]);
  });

  it('given a burst flag, when reversed, then the burst day’s points of the mentor go (and the seekers’ feedback lines)', () => {
    const seekers = [ana, ben, cleo, dana, '0193a0b4-6f1e-7c3a-9d2e-000000000777', '0193a0b4-6f1e-7c3a-9d2e-000000000778'];
    const facts = seekers.flatMap((s, i) => helped(sam, s, at(0, 9 + i), 5));
    const before = deriveLedger(facts, names);
    const flag = before.flags.find((f) => f.kind === 'BURST')!;
    const { ledger } = given(facts).when([flagReversed(flag.id, at(1))]);
    expect(ledger.summaries.every((s) => s.score === 0)).toBe(true);
  });

  it('when an admin adjusts a score, then a line with the points and the mandatory reason', () => {
    const { added, ledger } = given(helped(sam, dana, at(0))).when([adjusted(sam, -4, 'Duplicate session logged by mistake', at(1))]);
    expect(added.map(brief)).toEqual([
      { memberId: sam, ruleId: 'admin.adjustment', points: -4, reason: '−4 adjusted by Alex: Duplicate session logged by mistake' },
    ]);
    expect(scoreOf(ledger, sam)).toBe(6);
  });
});
