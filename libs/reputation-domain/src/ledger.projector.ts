import { applyFact, ledgerOf, snapshotFlag } from './ledger.fold.js';
import { createLedgerState, type LedgerState } from './ledger.state.js';
import type { LedgerEntry, NameLookup, ReputationFlag, ReputationLedger } from './ledger.types.js';
import { compareFacts, type ReputationInput } from './reputation.inputs.js';
import { SnapshotStore, type SnapshotOptions } from './ledger.snapshots.js';

/**
 * What one fact changed, for a projection to write: entries to upsert by id, entry ids to
 * delete, flags to upsert or delete, and the members whose summary to recompute.
 */
export interface LedgerChange {
  upserted: LedgerEntry[];
  removed: string[];
  flags: ReputationFlag[];
  /** Flags a late fact made moot (e.g. the reciprocal pattern is now raised by another completion). */
  removedFlags: string[];
  members: string[];
}

const NO_CHANGE: LedgerChange = { upserted: [], removed: [], flags: [], removedFlags: [], members: [] };

/**
 * The incremental form of `deriveLedger`, for a live projection. A fact that sorts after
 * everything applied so far (the common case) is one fold step and only appends lines. A
 * late fact (another partition was behind) can change what later facts earned (caps,
 * 1/k, pay-forward), so the projector replays the ordered log from the nearest checkpoint at
 * or before the late fact (every `snapshotEvery` facts) and reports the difference; a
 * redelivered id changes nothing. After any sequence of `apply`, the state equals
 * `deriveLedger` of the same facts (the property specs check this).
 */
export class LedgerProjector {
  private readonly log: ReputationInput[] = [];
  private readonly seen = new Set<string>();
  private state: LedgerState;
  private readonly snapshots: SnapshotStore;

  constructor(
    private readonly names: NameLookup,
    options: SnapshotOptions = {},
  ) {
    this.state = createLedgerState(names);
    this.snapshots = new SnapshotStore(options);
  }

  apply(fact: ReputationInput): LedgerChange {
    if (this.seen.has(fact.id)) return NO_CHANGE;
    this.seen.add(fact.id);
    const last = this.log[this.log.length - 1];
    if (!last || compareFacts(last, fact) < 0) {
      this.log.push(fact);
      return this.step(fact);
    }
    const position = this.insertionPoint(fact);
    this.log.splice(position, 0, fact);
    return this.replay(position);
  }

  /**
   * Several facts at once (a consumed batch), for one change: the in-order ones are fold steps;
   * once one is late, all of them are placed in the log and the log replays once, from the
   * checkpoint before the earliest, instead of once per late fact.
   */
  applyAll(facts: readonly ReputationInput[]): LedgerChange {
    const fresh = [...new Map(facts.filter((f) => !this.seen.has(f.id)).map((f) => [f.id, f])).values()].sort(compareFacts);
    if (fresh.length === 0) return NO_CHANGE;
    for (const fact of fresh) this.seen.add(fact.id);
    const last = this.log[this.log.length - 1];
    if (!last || compareFacts(last, fresh[0]!) < 0) return merge(fresh.map((fact) => (this.log.push(fact), this.step(fact))));
    const position = this.insertionPoint(fresh[0]!);
    const tail = this.log.splice(position);
    this.log.push(...mergeSorted(tail, fresh));
    return this.replay(position);
  }

  ledger(): ReputationLedger {
    return ledgerOf(this.state);
  }

  private step(fact: ReputationInput): LedgerChange {
    const before = this.state.entries.length;
    applyFact(this.state, fact);
    this.snapshots.record(this.log.length, this.state);
    const upserted = this.state.entries.slice(before);
    return {
      upserted,
      removed: [],
      flags: [...this.state.touchedFlags].map((id) => snapshotFlag(this.state.flags.get(id)!)),
      removedFlags: [],
      members: [...new Set(upserted.map((e) => e.memberId))],
    };
  }

  /** Replays the log from the checkpoint nearest `position` (the late fact's index). */
  private replay(position: number): LedgerChange {
    const previous = this.state;
    const start = this.snapshots.rewind(position, this.names);
    this.state = start?.state ?? createLedgerState(this.names);
    for (let i = start?.applied ?? 0; i < this.log.length; i++) {
      applyFact(this.state, this.log[i]!);
      this.snapshots.record(i + 1, this.state);
    }
    // Entries before the checkpoint are the very same objects in both states: diff the rest.
    const common = commonPrefix(previous.entries, this.state.entries);
    const previousTail = previous.entries.slice(common);
    const tail = this.state.entries.slice(common);
    const before = new Map(previousTail.map((e) => [e.id, e]));
    const after = new Map(tail.map((e) => [e.id, e]));
    const upserted = tail.filter((e) => !same(before.get(e.id), e));
    const removed = previousTail.filter((e) => !after.has(e.id));
    const flags = [...this.state.flags.values()].filter((f) => !same(previous.flags.get(f.id), f)).map(snapshotFlag);
    return {
      upserted,
      removed: removed.map((e) => e.id),
      flags,
      removedFlags: [...previous.flags.keys()].filter((id) => !this.state.flags.has(id)),
      members: [...new Set([...upserted, ...removed].map((e) => e.memberId))],
    };
  }

  /** Binary search: the first position whose fact sorts after this one. */
  private insertionPoint(fact: ReputationInput): number {
    let [low, high] = [0, this.log.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareFacts(this.log[mid]!, fact) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Successive fold steps as one change (a flag touched twice is reported as it ends up). */
function merge(changes: readonly LedgerChange[]): LedgerChange {
  const flags = new Map<string, ReputationFlag>();
  for (const change of changes) for (const flag of change.flags) flags.set(flag.id, flag);
  return {
    upserted: changes.flatMap((c) => c.upserted),
    removed: [],
    flags: [...flags.values()],
    removedFlags: [],
    members: [...new Set(changes.flatMap((c) => c.members))],
  };
}

/** Two lists each in `compareFacts` order, as one. */
function mergeSorted(a: readonly ReputationInput[], b: readonly ReputationInput[]): ReputationInput[] {
  const out: ReputationInput[] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) out.push(compareFacts(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  return out.concat(a.slice(i), b.slice(j));
}

/** How many leading entries two derivations share by identity (checkpoint entries are never copied deeply). */
function commonPrefix(a: readonly LedgerEntry[], b: readonly LedgerEntry[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Entries and flags are plain data built the same way on every replay, so JSON equality is exact. */
const same = (a: unknown, b: unknown): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
