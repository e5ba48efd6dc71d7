import type { HelpKind, HelpRequestCompletedData } from '@payforward/contracts';
import { award, type SourceFact } from './ledger.award.js';
import { decayNote, HELP_NOUN, monthOf } from './ledger.reasons.js';
import { DAY_MS, listIn, pairKey, requestFor, type Completion, type LedgerState, type RequestFacts } from './ledger.state.js';
import { LIMITS, RULEBOOK, type RuleId } from './rulebook.js';

/** The completion rule per kind; a referral's completion earns nothing (its vouch did). */
export const COMPLETION_RULE: Readonly<Record<HelpKind, RuleId>> = {
  ADVICE_CALL: 'completion.advice-call',
  RESUME_REVIEW: 'completion.resume-review',
  MOCK_INTERVIEW: 'completion.mock-interview',
  INTRO: 'completion.intro',
  REFERRAL: 'completion.referral',
};

/**
 * A completed request: the mentor's completion points (1/k for repeats within the pair),
 * then paying forward (the mentor was helped lately and now helps someone new) with its
 * ripple to their own mentors, and finally the completion joins the history the next facts
 * read. Returns the completion so the anti-gaming checks can look at it.
 */
export function onCompleted(state: LedgerState, source: SourceFact, data: HelpRequestCompletedData): Completion | null {
  const request = requestFor(state, data);
  if (request.completion) return null; // a request completes once
  const completion: Completion = { eventId: source.id, requestId: data.requestId, mentorId: data.mentorId, seekerId: data.seekerId, at: source.at };
  request.completion = completion;
  request.decay = decayFor(state, completion);

  const rule = RULEBOOK[COMPLETION_RULE[data.kind]];
  if (rule.createsEntry && rule.points !== null) {
    award(state, source, {
      memberId: data.mentorId,
      ruleId: rule.id,
      points: Math.floor(rule.points / request.decay),
      text: completionText(state, request),
      notes: decayNotes(state, request),
      requestId: data.requestId,
      counterparties: request.introTargetId ? [data.seekerId, request.introTargetId] : [data.seekerId],
    });
  }
  payForward(state, source, completion);

  listIn(state.helpedAsSeeker, data.seekerId).push(completion);
  return completion;
}

/** k = 1 + completions between the same two members (either direction) in the last 90 days. */
function decayFor(state: LedgerState, completion: Completion): number {
  const times = listIn(state.pairCompletions, pairKey(completion.mentorId, completion.seekerId));
  const since = completion.at - LIMITS.pairDecayDays * DAY_MS;
  const k = 1 + times.filter((t) => t >= since).length;
  times.push(completion.at);
  return k;
}

export const decayNotes = (state: LedgerState, request: RequestFacts): string[] =>
  request.decay > 1 ? [decayNote(request.decay, state.names(request.seekerId), LIMITS.pairDecayDays)] : [];

function completionText(state: LedgerState, request: RequestFacts): string {
  const seeker = state.names(request.seekerId);
  if (request.kind === 'INTRO' && request.introTargetId) return `introduction of ${seeker} to ${state.names(request.introTargetId)} completed`;
  return `${HELP_NOUN[request.kind]} completed for ${seeker}`;
}

/** 12 calendar months before `at` (UTC). */
const monthsBefore = (at: number, months: number): number => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
};

/**
 * Paying forward: the mentor was helped as a seeker in the last 12 months and now completes
 * help for someone who never helped them (helping your own mentor back is reciprocity), the
 * first time for this seeker. The forwarder gets +25 and each of their mentors of those
 * 12 months a +5 ripple.
 */
function payForward(state: LedgerState, source: SourceFact, completion: Completion): void {
  const { mentorId: forwarder, seekerId: newSeeker, requestId } = completion;
  const helpedBy = state.helpedAsSeeker.get(forwarder) ?? [];
  if (helpedBy.some((c) => c.mentorId === newSeeker)) return;
  const forwarded = state.forwardedTo.get(forwarder) ?? new Set<string>();
  if (forwarded.has(newSeeker)) return;
  const since = monthsBefore(source.at, LIMITS.payForwardMonths);
  // Latest help per mentor in the window (the ripple's "whom you helped in March").
  const latest = new Map<string, number>();
  for (const c of helpedBy) if (c.at >= since) latest.set(c.mentorId, Math.max(c.at, latest.get(c.mentorId) ?? 0));
  if (latest.size === 0) return;
  forwarded.add(newSeeker);
  state.forwardedTo.set(forwarder, forwarded);

  const helpers = [...latest.keys()].sort();
  award(state, source, {
    memberId: forwarder,
    ruleId: 'pay-forward.forwarder',
    points: RULEBOOK['pay-forward.forwarder'].points!,
    text: `paid it forward: you helped ${state.names(newSeeker)} after being helped yourself`,
    requestId,
    counterparties: [newSeeker],
    qualifiedBy: helpers,
  });
  for (const helper of helpers) {
    award(state, source, {
      memberId: helper,
      ruleId: 'pay-forward.ripple',
      points: RULEBOOK['pay-forward.ripple'].points!,
      text: `ripple: ${state.names(forwarder)}, whom you helped in ${monthOf(latest.get(helper)!, source.at)}, helped someone`,
      requestId,
      counterparties: [forwarder, newSeeker],
    });
  }
}
