import type { HelpKind } from '@payforward/contracts';
import type { LedgerEntry, NameLookup, ReputationFlag } from './ledger.types.js';

/**
 * What the fold remembers between facts. It is an accumulator private to one derivation (or
 * to one projector): plain maps and arrays, indexed for the questions the rules ask.
 */

export const DAY_MS = 86_400_000;

export interface Completion {
  eventId: string;
  requestId: string;
  mentorId: string;
  seekerId: string;
  at: number;
}

export interface RequestFacts {
  requestId: string;
  mentorId: string;
  seekerId: string;
  kind: HelpKind;
  introTargetId: string | null;
  completion: Completion | null;
  /** k of the 1/k decay fixed at completion; the rated bonus follows it. */
  decay: number;
  groundedVouch: boolean;
  hired: boolean;
  bonusGiven: boolean;
  feedbackGiven: boolean;
  noShow: boolean;
  /** The FlagReversed event that voided the request's points, if any. */
  voidedBy: string | null;
}

export interface LedgerState {
  names: NameLookup;
  entries: LedgerEntry[];
  entryIds: Set<string>;
  /** Ids of entries some reversal line already cancels (never reversed twice). */
  reversed: Set<string>;
  requests: Map<string, RequestFacts>;
  /** Completion times per unordered pair, for the 1/k decay. */
  pairCompletions: Map<string, number[]>;
  /** Completions where the member was the seeker: "who helped me, and when". */
  helpedAsSeeker: Map<string, Completion[]>;
  /** Seekers a member already earned (or spent) a pay-forward for. */
  forwardedTo: Map<string, Set<string>>;
  /** Completions per mentor per UTC day, for bursts. */
  mentorDay: Map<string, Completion[]>;
  /** Capped points already earned per member per UTC day. */
  capUsed: Map<string, number>;
  /** Members currently suspended for fraud, with the suspension event's id. */
  suspended: Map<string, string>;
  flags: Map<string, ReputationFlag>;
  /** The OPEN reciprocal flag of an unordered pair, if any. */
  openReciprocal: Map<string, string>;
  /** Flags created or changed by the last fact applied (for the incremental projector). */
  touchedFlags: Set<string>;
}

export const createLedgerState = (names: NameLookup): LedgerState => ({
  names,
  entries: [],
  entryIds: new Set(),
  reversed: new Set(),
  requests: new Map(),
  pairCompletions: new Map(),
  helpedAsSeeker: new Map(),
  forwardedTo: new Map(),
  mentorDay: new Map(),
  capUsed: new Map(),
  suspended: new Map(),
  flags: new Map(),
  openReciprocal: new Map(),
  touchedFlags: new Set(),
});

/** The same key for (A, B) and (B, A). */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** "2026-03-01": the UTC day caps and bursts are counted in. */
export const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

export const listIn = <K, V>(map: Map<K, V[]>, key: K): V[] => {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
};

/** Every help-request event names the request and both parties, so any of them can register it. */
export function requestFor(
  state: LedgerState,
  data: { requestId: string; mentorId: string; seekerId: string; kind: HelpKind },
): RequestFacts {
  let request = state.requests.get(data.requestId);
  if (!request) {
    request = {
      requestId: data.requestId,
      mentorId: data.mentorId,
      seekerId: data.seekerId,
      kind: data.kind,
      introTargetId: null,
      completion: null,
      decay: 1,
      groundedVouch: false,
      hired: false,
      bonusGiven: false,
      feedbackGiven: false,
      noShow: false,
      voidedBy: null,
    };
    state.requests.set(data.requestId, request);
  }
  return request;
}
