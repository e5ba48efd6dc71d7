import { readFileSync } from 'node:fs';
import { v5 } from 'uuid';
import { deriveLedger } from './ledger.fold.js';
import { summarize } from './ledger.summary.js';
import { RULE_IDS, RULEBOOK } from './rulebook.js';
import { renderRulebookTable } from './rulebook.table.js';
import { entryId, REPUTATION_NAMESPACE, uuidV5 } from './stable-id.js';
import { adjusted, ana, at, ben, cleo, dana, eli, engagement, helped, names, sam, suspended, uuid } from './reputation.spec.fixtures.js';

describe('summaries: score, level, badges', () => {
  const summaryOf = (facts: Parameters<typeof deriveLedger>[0], member: string) => deriveLedger(facts, names).summaries.find((s) => s.memberId === member);

  it.each([
    [49, 'Newcomer'],
    [50, 'Helper'],
    [199, 'Helper'],
    [200, 'Mentor'],
    [-5, 'Newcomer'],
  ])('given a score of %i, then the level is %s', (points, level) => {
    expect(summaryOf([adjusted(sam, points, 'test', at(0))], sam)).toMatchObject({ score: points, level });
  });

  it('given 5 completed intros, then the Connector badge; a 5th intro with the same seeker still counts (it happened) even at ⅕ points', () => {
    const intros = Array.from({ length: 5 }, (_, i) => {
      const e = engagement(sam, dana, 'INTRO');
      return [e.consented(cleo, at(i)), e.completed(at(i, 12))];
    }).flat();
    expect(summaryOf(intros, sam)).toMatchObject({ completedIntros: 5, badges: ['Connector'], score: 15 + 7 + 5 + 3 + 3 });
  });

  it('given an intro later reversed by a fraud suspension, then it no longer counts towards Connector', () => {
    const intros = [ana, ben, cleo, dana, eli].flatMap((seeker, i) => {
      const e = engagement(sam, seeker, 'INTRO');
      return [e.consented(uuid(99), at(i)), e.completed(at(i, 12))];
    });
    expect(summaryOf([...intros, suspended(eli, at(9))], sam)).toMatchObject({ completedIntros: 4, badges: [] });
  });

  it('sums to the same score from any member-scoped slice of the ledger (what a projection stores per member)', () => {
    const ledger = deriveLedger([...helped(ana, ben, at(0), 5), ...helped(ben, cleo, at(10), 4), suspended(cleo, at(11))], names);
    for (const summary of ledger.summaries) {
      expect(summarize(ledger.entries.filter((e) => e.memberId === summary.memberId))).toEqual([summary]);
    }
  });
});

describe('stable ids', () => {
  it.each(['a|b|c', '', 'ünïcödé — 日本', 'x'.repeat(200)])('matches RFC 4122 UUIDv5 (as the uuid package computes it) for %j', (name) => {
    expect(uuidV5(name)).toBe(v5(name, REPUTATION_NAMESPACE));
  });

  it('derives one id per (member, rule, source event)', () => {
    expect(entryId(sam, 'completion.advice-call', uuid(7))).toBe(entryId(sam, 'completion.advice-call', uuid(7)));
    expect(entryId(sam, 'completion.advice-call', uuid(7))).not.toBe(entryId(sam, 'completion.rated-bonus', uuid(7)));
  });
});

describe('the rulebook', () => {
  it('is versioned data in one place, v1 throughout', () => {
    expect(RULE_IDS.every((id) => RULEBOOK[id].id === id && RULEBOOK[id].version === 1)).toBe(true);
  });

  it('never takes points for saying no: every zero-point rule writes no entry', () => {
    const zero = RULE_IDS.filter((id) => RULEBOOK[id].points === 0);
    expect(zero).toEqual(['completion.referral', 'request.declined', 'request.expired', 'request.withdrawn', 'intro.declined']);
    expect(zero.every((id) => !RULEBOOK[id].createsEntry)).toBe(true);
  });

  it('is documented in the README exactly as in force', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(renderRulebookTable());
  });
});
