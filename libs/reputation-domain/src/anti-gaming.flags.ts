import { DAY_MS, listIn, pairKey, utcDay, type Completion, type LedgerState } from './ledger.state.js';
import type { FlagKind, ReputationFlag } from './ledger.types.js';
import { LIMITS } from './rulebook.js';
import { uuidV5 } from './stable-id.js';

/**
 * Suspicious patterns become flags for the admin queue; they never move points by themselves
 * (an admin reverses or dismisses them). Evidence is event ids and member ids, and it keeps
 * growing while the flag is OPEN, so one pattern is one queue item, not a dozen.
 */
export function checkCompletion(state: LedgerState, completion: Completion): void {
  reciprocal(state, completion);
  burst(state, completion);
}

/** B helps A within 7 days after A helped B (in either order of kinds): a reciprocal pair. */
function reciprocal(state: LedgerState, completion: Completion): void {
  const { mentorId, seekerId, at } = completion;
  const since = at - LIMITS.reciprocalDays * DAY_MS;
  // Completions where this mentor was helped by this seeker, lately.
  const reverse = (state.helpedAsSeeker.get(mentorId) ?? []).filter((c) => c.mentorId === seekerId && c.at >= since);
  if (reverse.length === 0) return;
  const pair = pairKey(mentorId, seekerId);
  const openId = state.openReciprocal.get(pair);
  const open = openId ? state.flags.get(openId) : undefined;
  if (open) {
    for (const c of [...reverse, completion]) addEvidence(open, c);
    describeReciprocal(state, open);
    state.touchedFlags.add(open.id);
    return;
  }
  const flag = raise(state, 'RECIPROCAL_PAIR', `reciprocal|${pair}|${completion.eventId}`, completion);
  for (const c of [...reverse, completion]) addEvidence(flag, c);
  describeReciprocal(state, flag);
  state.openReciprocal.set(pair, flag.id);
}

function describeReciprocal(state: LedgerState, flag: ReputationFlag): void {
  const [a, b] = flag.evidence.memberIds;
  flag.description = `${state.names(a!)} and ${state.names(b!)} helped each other within ${LIMITS.reciprocalDays} days (${flag.evidence.eventIds.length} completions)`;
}

/** More than 5 completions by one mentor in one UTC day: a burst (one flag per mentor per day). */
function burst(state: LedgerState, completion: Completion): void {
  const day = utcDay(completion.at);
  const completions = listIn(state.mentorDay, `${completion.mentorId}|${day}`);
  completions.push(completion);
  if (completions.length <= LIMITS.burstCompletionsPerDay) return;
  const id = flagId('BURST', `burst|${completion.mentorId}|${day}`);
  let flag = state.flags.get(id);
  if (!flag) flag = raise(state, 'BURST', `burst|${completion.mentorId}|${day}`, completion);
  if (flag.status !== 'OPEN') return; // resolved: that day was reviewed
  for (const c of completions) addEvidence(flag, c);
  flag.description = `${state.names(completion.mentorId)} completed ${completions.length} requests on ${day} (more than ${LIMITS.burstCompletionsPerDay})`;
  state.touchedFlags.add(flag.id);
}

const flagId = (kind: FlagKind, subject: string): string => uuidV5(`flag|${kind}|${subject}`);

function raise(state: LedgerState, kind: FlagKind, subject: string, by: Completion): ReputationFlag {
  const flag: ReputationFlag = {
    id: flagId(kind, subject),
    kind,
    memberId: by.mentorId,
    evidence: { eventIds: [], memberIds: [] },
    requestIds: [],
    description: '',
    raisedAt: new Date(by.at).toISOString(),
    status: 'OPEN',
    resolution: null,
  };
  state.flags.set(flag.id, flag);
  state.touchedFlags.add(flag.id);
  return flag;
}

function addEvidence(flag: ReputationFlag, c: Completion): void {
  if (flag.evidence.eventIds.includes(c.eventId)) return;
  flag.evidence.eventIds.push(c.eventId);
  flag.requestIds.push(c.requestId);
  for (const member of [c.mentorId, c.seekerId]) if (!flag.evidence.memberIds.includes(member)) flag.evidence.memberIds.push(member);
}
