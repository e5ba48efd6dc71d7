import { award, stands, type SourceFact } from './ledger.award.js';
import { signed } from './ledger.reasons.js';
import { pairKey, type LedgerState } from './ledger.state.js';
import type { LedgerEntry, ReputationFlag } from './ledger.types.js';
import type { FlagResolutionData, MemberReinstatedData, MemberSuspendedData, ReputationAdjustedData } from './reputation.inputs.js';
import type { RuleId } from './rulebook.js';

/**
 * Corrections. Nothing is ever deleted: a fraud suspension or an admin's flag reversal adds
 * one negative line per affected member naming the entries it cancels, and an adjustment is
 * a line with the admin's reason.
 */

/**
 * A member suspended for fraud: every standing entry of someone else that rests on them is
 * reversed (their sessions, feedback, referrals, the ripples and pay-forwards they were part
 * of, and penalties they reported), and new points resting on them are born 0 until reinstated.
 */
export function onSuspended(state: LedgerState, source: SourceFact, data: MemberSuspendedData): void {
  if (!data.forFraud || state.suspended.has(data.memberId)) return;
  state.suspended.set(data.memberId, source.id);
  const tainted = state.entries.filter(
    (e) =>
      e.memberId !== data.memberId &&
      e.points !== 0 &&
      stands(e, state.reversed) &&
      (e.counterparties.includes(data.memberId) || (e.qualifiedBy.includes(data.memberId) && e.qualifiedBy.every((m) => state.suspended.has(m)))),
  );
  const name = state.names(data.memberId);
  reverse(state, source, 'reversal.suspension', tainted, (what) => `reversed ${what}: ${name} was suspended for fraud`);
}

/** Reinstated: new interactions count again; what was reversed stays reversed (an admin can adjust). */
export function onReinstated(state: LedgerState, data: MemberReinstatedData): void {
  state.suspended.delete(data.memberId);
}

/**
 * An admin resolves an OPEN flag. Dismissed changes nothing; reversed cancels exactly the
 * positive standing points of the flagged requests, and voids whatever they would still earn.
 * A flag that is unknown or already resolved is left alone: the first decision stands.
 */
export function onFlagResolved(state: LedgerState, source: SourceFact, data: FlagResolutionData, status: 'DISMISSED' | 'REVERSED'): void {
  const flag = state.flags.get(data.flagId);
  if (!flag || flag.status !== 'OPEN') return;
  flag.status = status;
  flag.resolution = { status, adminId: data.adminId, note: data.note, at: new Date(source.at).toISOString(), eventId: source.id };
  state.touchedFlags.add(flag.id);
  if (flag.kind === 'RECIPROCAL_PAIR') state.openReciprocal.delete(pairKey(flag.evidence.memberIds[0]!, flag.evidence.memberIds[1]!));
  if (status === 'DISMISSED') return;
  const covered = coveredEntries(flag, state.entries, state.reversed);
  for (const requestId of flag.requestIds) {
    const request = state.requests.get(requestId);
    if (request && !request.voidedBy) request.voidedBy = source.id;
  }
  const flagName = flag.kind === 'RECIPROCAL_PAIR' ? 'reciprocal-help flag' : 'burst flag';
  reverse(state, source, 'reversal.flag', covered, (entries) => `reversed ${entries} after review of a ${flagName}: ${data.note}`);
}

/** What reversing this flag would cancel now: standing positive entries from its requests. */
export function coveredEntries(flag: ReputationFlag, entries: readonly LedgerEntry[], reversed: ReadonlySet<string>): LedgerEntry[] {
  const requests = new Set(flag.requestIds);
  return entries.filter((e) => e.requestId !== null && requests.has(e.requestId) && e.points > 0 && stands(e, reversed));
}

/** For the admin queue: the points reversing this flag would take back, given the ledger so far. */
export const flagCoverage = (flag: ReputationFlag, entries: readonly LedgerEntry[]): LedgerEntry[] =>
  coveredEntries(flag, entries, new Set(entries.flatMap((e) => e.reverses)));

export function onAdjusted(state: LedgerState, source: SourceFact, data: ReputationAdjustedData): void {
  if (!Number.isInteger(data.points) || data.points === 0) return; // nothing to adjust (the command refuses these)
  award(state, source, {
    memberId: data.memberId,
    ruleId: 'admin.adjustment',
    points: data.points,
    text: `adjusted by ${state.names(data.adminId)}: ${data.reason}`,
    requestId: null,
  });
}

/** One line per affected member (members in order of their first reversed entry). */
function reverse(state: LedgerState, source: SourceFact, ruleId: RuleId, entries: readonly LedgerEntry[], text: (what: string) => string): void {
  const byMember = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const list = byMember.get(entry.memberId) ?? [];
    list.push(entry);
    byMember.set(entry.memberId, list);
  }
  for (const [memberId, list] of byMember) {
    const total = list.reduce((sum, e) => sum + e.points, 0);
    const what = list.length === 1 ? `“${describe(list[0]!)}” (${signed(list[0]!.points)})` : `${list.length} entries`;
    const reversal = award(state, source, {
      memberId,
      ruleId,
      points: -total,
      text: text(what),
      requestId: null,
      reverses: list.map((e) => e.id),
    });
    if (reversal) for (const e of list) state.reversed.add(e.id);
  }
}

/** "advice call completed for Dana" out of "+10 advice call completed for Dana (…)". */
const describe = (entry: LedgerEntry): string => entry.reason.replace(/^[+−]\d+ /, '').replace(/ \(.*\)$/, '');
