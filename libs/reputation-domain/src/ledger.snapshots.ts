import type { LedgerState } from './ledger.state.js';

/**
 * Immutable checkpoints of the fold's accumulator, so a late fact replays from the nearest
 * checkpoint at or before its position instead of from the start. The accumulator is mutated
 * in place (maps of arrays and sets, request and flag objects), so a checkpoint is a deep
 * copy, and restoring copies again: nobody ever mutates a kept checkpoint. Entries are never
 * edited once written, so the entry list is copied shallowly (which also keeps entry
 * identity, letting the projector skip the common prefix when it diffs).
 */
interface Snapshot {
  /** How many facts of the ordered log this state has applied. */
  applied: number;
  state: Omit<LedgerState, 'names'>;
}

export interface SnapshotOptions {
  /** Take a checkpoint every this many applied facts (default 64). */
  snapshotEvery?: number;
  /** Keep at most this many, the most recent (default 32); an older late fact replays from the start. */
  maxSnapshots?: number;
}

export class SnapshotStore {
  private readonly every: number;
  private readonly max: number;
  /** Ascending by `applied`; every one is a prefix of the current derivation. */
  private snapshots: Snapshot[] = [];

  constructor(options: SnapshotOptions = {}) {
    this.every = Math.max(1, Math.floor(options.snapshotEvery ?? 64));
    this.max = Math.max(1, Math.floor(options.maxSnapshots ?? 32));
  }

  /** After the `applied`-th fact: keep a checkpoint if it is due. */
  record(applied: number, state: LedgerState): void {
    if (applied % this.every !== 0) return;
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && last.applied >= applied) return;
    this.snapshots.push({ applied, state: copy(state) });
    if (this.snapshots.length > this.max) this.snapshots.shift();
  }

  /**
   * A fact was inserted at `position`: checkpoints past it are stale. Returns a fresh,
   * mutable state from the nearest checkpoint at or before it (null: start from scratch).
   */
  rewind(position: number, names: LedgerState['names']): { applied: number; state: LedgerState } | null {
    while (this.snapshots.length > 0 && this.snapshots[this.snapshots.length - 1]!.applied > position) this.snapshots.pop();
    const nearest = this.snapshots[this.snapshots.length - 1];
    if (!nearest) return null;
    return { applied: nearest.applied, state: { ...copy(nearest.state), names } };
  }
}

/** A deep copy of everything but the name lookup (a function); shared references (completions) stay shared. */
function copy(state: Omit<LedgerState, 'names'>): Omit<LedgerState, 'names'> {
  const data: Partial<LedgerState> = { ...state, entries: [], touchedFlags: new Set() };
  delete data.names;
  return { ...(structuredClone(data) as Omit<LedgerState, 'names'>), entries: [...state.entries] };
}
