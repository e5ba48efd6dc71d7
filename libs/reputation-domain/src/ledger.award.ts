import { capNote, composeReason } from './ledger.reasons.js';
import { utcDay, type LedgerState } from './ledger.state.js';
import type { LedgerEntry } from './ledger.types.js';
import { LIMITS, RULEBOOK, type RuleId } from './rulebook.js';
import { entryId } from './stable-id.js';

/**
 * The one way points enter the ledger. Rules describe what they would award; this applies,
 * in order, what every rule shares: points resting on something already void are born 0,
 * the daily cap trims positive help points, and each (member, rule, source) is written once.
 * Nothing is dropped silently: a trimmed or voided line is recorded and says why.
 */
export interface Award {
  memberId: string;
  ruleId: RuleId;
  /** After the 1/k decay, before the cap. */
  points: number;
  /** The reason without its points, e.g. "advice call completed for Dana". */
  text: string;
  /** Parenthesized qualifiers, e.g. the decay note. */
  notes?: string[];
  requestId: string | null;
  counterparties?: string[];
  qualifiedBy?: string[];
  reverses?: string[];
}

export interface SourceFact {
  id: string;
  at: number;
}

export function award(state: LedgerState, source: SourceFact, draft: Award): LedgerEntry | null {
  const id = entryId(draft.memberId, draft.ruleId, source.id);
  if (state.entryIds.has(id)) return null; // defensive: the same line twice is the same line
  const rule = RULEBOOK[draft.ruleId];
  const notes = [...(draft.notes ?? [])];
  let points = draft.points;

  const voidedBy = voidOf(state, draft);
  if (voidedBy) {
    notes.push(voidedBy.note);
    points = 0;
  } else if (rule.capped && points > 0) {
    const key = `${draft.memberId}|${utcDay(source.at)}`;
    const used = state.capUsed.get(key) ?? 0;
    const allowed = Math.min(points, Math.max(0, LIMITS.dailyHelpCap - used));
    if (allowed < points) notes.push(capNote(allowed, points, LIMITS.dailyHelpCap));
    state.capUsed.set(key, used + allowed);
    points = allowed;
  }

  const entry: LedgerEntry = {
    id,
    memberId: draft.memberId,
    points,
    ruleId: rule.id,
    ruleVersion: rule.version,
    sourceEventId: source.id,
    reason: composeReason(points, draft.text, notes),
    occurredAt: new Date(source.at).toISOString(),
    requestId: draft.requestId,
    counterparties: draft.counterparties ?? [],
    qualifiedBy: draft.qualifiedBy ?? [],
    reverses: draft.reverses ?? [],
    voidedBy: voidedBy?.eventId ?? null,
  };
  state.entries.push(entry);
  state.entryIds.add(id);
  return entry;
}

/** Why a new line would be worthless from birth: its request was reversed, or who it rests on is a fraud. */
function voidOf(state: LedgerState, draft: Award): { eventId: string; note: string } | null {
  if (draft.ruleId.startsWith('reversal.') || draft.ruleId === 'admin.adjustment') return null;
  const request = draft.requestId ? state.requests.get(draft.requestId) : undefined;
  if (request?.voidedBy) return { eventId: request.voidedBy, note: 'no points: this help was reversed after review' };
  for (const member of draft.counterparties ?? []) {
    const suspension = state.suspended.get(member);
    if (suspension) return { eventId: suspension, note: `no points: ${state.names(member)} was suspended for fraud` };
  }
  const qualifiers = draft.qualifiedBy ?? [];
  if (qualifiers.length > 0 && qualifiers.every((m) => state.suspended.has(m))) {
    return { eventId: state.suspended.get(qualifiers[0]!)!, note: 'no points: everyone who helped you was suspended for fraud' };
  }
  return null;
}

/** Entries that stand: not cancelled by a reversal line and not voided at birth. */
export const stands = (entry: LedgerEntry, reversed: ReadonlySet<string>): boolean => entry.voidedBy === null && !reversed.has(entry.id);
