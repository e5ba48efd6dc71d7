import { checkCompletion } from './anti-gaming.flags.js';
import { onCompleted } from './completion.rules.js';
import { onFeedback, onIntroConsented, onNoShow, onReferralOutcome, onVouched } from './engagement.rules.js';
import type { SourceFact } from './ledger.award.js';
import { createLedgerState, type LedgerState } from './ledger.state.js';
import type { NameLookup, ReputationFlag, ReputationLedger } from './ledger.types.js';
import { orderFacts, type ReputationInput } from './reputation.inputs.js';
import { onAdjusted, onFlagResolved, onReinstated, onSuspended } from './reversal.rules.js';
import { summarize } from './ledger.summary.js';

/**
 * The reference: the ledger as a pure function of the facts. Sorting by (time, id) and
 * dropping repeated ids first makes the result independent of delivery order and
 * redelivery; the fold then applies each rule in that one order.
 */
export function deriveLedger(facts: readonly ReputationInput[], names: NameLookup): ReputationLedger {
  const state = createLedgerState(names);
  for (const fact of orderFacts(facts)) applyFact(state, fact);
  return ledgerOf(state);
}

export function ledgerOf(state: LedgerState): ReputationLedger {
  return { entries: [...state.entries], flags: [...state.flags.values()].map(snapshotFlag), summaries: summarize(state.entries) };
}

/** Flags keep changing inside the accumulator (evidence, status); callers get a copy. */
export const snapshotFlag = (flag: ReputationFlag): ReputationFlag => ({
  ...flag,
  evidence: { eventIds: [...flag.evidence.eventIds], memberIds: [...flag.evidence.memberIds] },
  requestIds: [...flag.requestIds],
  resolution: flag.resolution && { ...flag.resolution },
});

/**
 * One step of the fold. Correct only when facts come in `compareFacts` order (the projector
 * takes care of late facts by replaying); mutates the accumulator it is given.
 */
export function applyFact(state: LedgerState, fact: ReputationInput): void {
  const source: SourceFact = { id: fact.id, at: Date.parse(fact.occurredAt) };
  state.touchedFlags.clear();
  switch (fact.type) {
    case 'HelpRequestCompleted': {
      const completion = onCompleted(state, source, fact.data);
      if (completion) checkCompletion(state, completion);
      return;
    }
    case 'FeedbackLeft':
      return onFeedback(state, source, fact.data);
    case 'ReferralVouched':
      return onVouched(state, source, fact.data);
    case 'ReferralOutcomeReported':
      return onReferralOutcome(state, source, fact.data);
    case 'IntroConsented':
      return onIntroConsented(state, fact.data);
    case 'NoShowReported':
      return onNoShow(state, source, fact.data);
    // Saying no, not answering, withdrawing, and an intro target's refusal cost nobody
    // anything (DESIGN §2.6): no ledger line at all, for either side.
    case 'HelpRequestDeclined':
    case 'HelpRequestExpired':
    case 'HelpRequestWithdrawn':
    case 'IntroDeclined':
      return;
    case 'MemberSuspended':
      return onSuspended(state, source, fact.data);
    case 'MemberReinstated':
      return onReinstated(state, fact.data);
    case 'FlagDismissed':
      return onFlagResolved(state, source, fact.data, 'DISMISSED');
    case 'FlagReversed':
      return onFlagResolved(state, source, fact.data, 'REVERSED');
    case 'ReputationAdjusted':
      return onAdjusted(state, source, fact.data);
    default: {
      const unknown: never = fact;
      void unknown; // a new input type must get a decision here
      return;
    }
  }
}
