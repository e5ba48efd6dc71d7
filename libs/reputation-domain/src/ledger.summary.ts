import { stands } from './ledger.award.js';
import type { LedgerEntry, MemberSummary } from './ledger.types.js';
import { BADGES, LEVELS, type Badge, type Level } from './rulebook.js';

/**
 * Score, level and badges derive from the ledger lines alone, so a projection can recompute
 * one member's summary from that member's rows. Pass all of a member's entries (reversal
 * lines included): an act counts for a badge unless a reversal cancels it or it was voided.
 */
export function summarize(entries: readonly LedgerEntry[]): MemberSummary[] {
  const reversed = new Set(entries.flatMap((e) => e.reverses));
  const byMember = new Map<string, MemberSummary>();
  for (const entry of entries) {
    let summary = byMember.get(entry.memberId);
    if (!summary) byMember.set(entry.memberId, (summary = emptySummary(entry.memberId)));
    summary.score += entry.points;
    if (!stands(entry, reversed)) continue;
    if (entry.ruleId === 'pay-forward.forwarder') summary.paidForwardCount += 1;
    if (entry.ruleId === 'completion.intro') summary.completedIntros += 1;
  }
  const summaries = [...byMember.values()].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  for (const summary of summaries) {
    summary.level = levelFor(summary.score);
    summary.badges = badgesFor(summary);
  }
  return summaries;
}

/** A member without ledger lines: 0 points, a Newcomer. */
export const emptySummary = (memberId: string): MemberSummary => ({
  memberId,
  score: 0,
  level: 'Newcomer',
  badges: [],
  paidForwardCount: 0,
  completedIntros: 0,
});

export const levelFor = (score: number): Level => LEVELS.find((level) => score >= level.minScore)!.name;

export function badgesFor(counts: Pick<MemberSummary, 'paidForwardCount' | 'completedIntros'>): Badge[] {
  const [connector, forwarder] = BADGES;
  const badges: Badge[] = [];
  if (counts.completedIntros >= connector.completedIntros) badges.push(connector.name);
  if (counts.paidForwardCount >= forwarder.paidForward) badges.push(forwarder.name);
  return badges;
}
