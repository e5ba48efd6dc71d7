import type { DeclineReason, HelpKind, Party, ReferralOutcome, RelationshipEvidence } from '@payforward/contracts';
import { deriveLedger } from './ledger.fold.js';
import type { LedgerEntry, NameLookup, ReputationLedger } from './ledger.types.js';
import type { ReputationInput } from './reputation.inputs.js';

/** Test-only builders for the reputation specs (not exported from the library). */

/** Deterministic UUIDs that still pass the contracts' `z.uuid()` checks. */
export const uuid = (n: number): string => `0193a0b4-6f1e-7c3a-9d2e-${n.toString(16).padStart(12, '0')}`;

export const ana = uuid(1);
export const ben = uuid(2);
export const cleo = uuid(3);
export const dana = uuid(4);
export const eli = uuid(5);
export const sam = uuid(6);
export const admin = uuid(9);
const NAMES: Record<string, string> = { [ana]: 'Ana', [ben]: 'Ben', [cleo]: 'Cleo', [dana]: 'Dana', [eli]: 'Eli', [sam]: 'Sam', [admin]: 'Alex' };
/** Unknown ids read as erased members, as the real lookup does after crypto-shredding. */
export const names: NameLookup = (id) => NAMES[id] ?? 'Erased member';

/** Day 0 is Monday 2026-03-02; `at(day, hour)` is that day at that hour (UTC). */
export const at = (day: number, hour = 10, minute = 0): string => new Date(Date.UTC(2026, 2, 2 + day, hour, minute)).toISOString();

let counter = 10_000;
const nextId = (): string => uuid(counter++);

type Of<T extends ReputationInput['type']> = Extract<ReputationInput, { type: T }>;
const fact = <T extends ReputationInput['type']>(type: T, data: Of<T>['data'], occurredAt: string): Of<T> =>
  ({ id: nextId(), occurredAt, type, data }) as Of<T>;

/** One help request between a mentor and a seeker, and the facts it can produce. */
export function engagement(mentorId: string, seekerId: string, kind: HelpKind = 'ADVICE_CALL') {
  const ids = { requestId: nextId(), offerId: nextId(), mentorId, seekerId, kind };
  const scheduled = kind === 'ADVICE_CALL' || kind === 'MOCK_INTERVIEW';
  return {
    ids,
    completed: (when: string) => fact('HelpRequestCompleted', { ...ids, scheduledAt: scheduled ? when : null, completedAt: when }, when),
    feedback: (side: Party, rating: number, when: string) => fact('FeedbackLeft', { ...ids, side, rating, note: 'Thank you!', leftAt: when }, when),
    vouched: (when: string, basis: RelationshipEvidence = { completedEngagementsWithGoodRating: 1, workedTogetherConfirmed: false }) =>
      fact('ReferralVouched', { ...ids, statement: 'I can speak to their backend work over two projects.', basis, vouchedAt: when }, when),
    outcome: (outcome: ReferralOutcome, when: string) => fact('ReferralOutcomeReported', { ...ids, outcome, reportedAt: when }, when),
    consented: (introTargetId: string, when: string) => fact('IntroConsented', { ...ids, introTargetId, consent: true, respondedAt: when }, when),
    introDeclined: (introTargetId: string, when: string) =>
      fact('IntroDeclined', { ...ids, introTargetId, consent: false, guidance: 'Try another intro.', capacityPeriodKey: '2026-W10', respondedAt: when }, when),
    noShow: (absent: Party, reportedBy: Party, when: string) =>
      fact('NoShowReported', { ...ids, absent, reportedBy, scheduledAt: scheduled ? when : null, reportedAt: when }, when),
    declined: (reason: DeclineReason, when: string) =>
      fact('HelpRequestDeclined', { ...ids, reason, note: null, guidance: 'Ask for an advice call first.', declinedAt: when }, when),
    expired: (when: string) => fact('HelpRequestExpired', { ...ids, guidance: 'Try another mentor.', expiredAt: when }, when),
    withdrawn: (when: string) => fact('HelpRequestWithdrawn', { ...ids, withdrawnAt: when }, when),
  };
}

/** A completed engagement, optionally rated by the seeker (rating and completion an hour apart). */
export function helped(mentorId: string, seekerId: string, when: string, rating?: number, kind: HelpKind = 'ADVICE_CALL'): ReputationInput[] {
  const e = engagement(mentorId, seekerId, kind);
  const done = e.completed(when);
  if (rating === undefined) return [done];
  return [done, e.feedback('SEEKER', rating, new Date(Date.parse(when) + 3_600_000).toISOString())];
}

export const suspended = (memberId: string, when: string, forFraud = true) =>
  fact('MemberSuspended', { memberId, reason: forFraud ? 'Fake sessions' : 'Rude messages', forFraud, adminId: admin, suspendedAt: when }, when);
export const reinstated = (memberId: string, when: string) => fact('MemberReinstated', { memberId, adminId: admin, reinstatedAt: when }, when);
export const flagDismissed = (flagId: string, when: string, note = 'They are colleagues; legitimate.') =>
  fact('FlagDismissed', { flagId, adminId: admin, note, at: when }, when);
export const flagReversed = (flagId: string, when: string, note = 'Staged sessions') => fact('FlagReversed', { flagId, adminId: admin, note, at: when }, when);
export const adjusted = (memberId: string, points: number, reason: string, when: string) =>
  fact('ReputationAdjusted', { memberId, points, reason, adminId: admin, at: when }, when);

/**
 * Given/when/then for the ledger: what `when` adds on top of `given` (in event-time order,
 * as the rules are append-only), plus the whole ledger for score and flag assertions.
 */
export function given(...history: ReputationInput[][]) {
  return {
    when(...facts: ReputationInput[][]) {
      const before = deriveLedger(history.flat(), names);
      const after = deriveLedger([...history.flat(), ...facts.flat()], names);
      const known = new Set(before.entries.map((e) => e.id));
      return { added: after.entries.filter((e) => !known.has(e.id)), ledger: after };
    },
  };
}

export const scoreOf = (ledger: ReputationLedger, memberId: string): number => ledger.summaries.find((s) => s.memberId === memberId)?.score ?? 0;

/** The parts of an entry a rule spec is about. */
export const brief = (e: LedgerEntry) => ({ memberId: e.memberId, ruleId: e.ruleId, points: e.points, reason: e.reason });
