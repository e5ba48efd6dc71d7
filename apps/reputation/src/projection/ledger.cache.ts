import {
  compareFacts,
  emptySummary,
  LedgerProjector,
  NO_EFFECT_TYPES,
  summarize,
  type LedgerChange,
  type LedgerEntry,
  type MemberSummary,
  type ReputationFlag,
  type ReputationInput,
} from '@payforward/reputation-domain';

/** How a member reads until their MemberRegistered arrives; their lines are re-derived then. */
export const UNKNOWN_NAME = 'a member';

/** What to write to the tables after a change: rows to upsert or delete, and summaries to set. */
export interface LedgerDiff {
  upserted: LedgerEntry[];
  removed: string[];
  flags: ReputationFlag[];
  removedFlags: string[];
  summaries: MemberSummary[];
}

/** Fields of the inputs naming members whose display name a reason may quote. */
const NAMED = ['mentorId', 'seekerId', 'introTargetId', 'memberId', 'adminId'] as const;

/**
 * The domain's incremental LedgerProjector over every input fact, with what the projection
 * needs around it: the display names it reads reasons from, an index of entries per member
 * (summaries are recomputed per member), and the current flags. An in-order fact is one fold
 * step; a late one makes the projector replay and report the difference; a name that becomes
 * known after lines quoting it were written re-derives everything, so reasons never depend on
 * whether identity's topic or the marketplace's was read first.
 */
export class LedgerCache {
  private projector: LedgerProjector;
  private readonly facts: ReputationInput[] = [];
  private readonly seen = new Set<string>();
  private readonly referenced = new Set<string>();
  private entries = new Map<string, LedgerEntry>();
  private byMember = new Map<string, Set<string>>();
  private flags = new Map<string, ReputationFlag>();

  private constructor(private readonly names: Map<string, string>) {
    this.projector = new LedgerProjector(this.lookup);
  }

  /** The ledger of `facts` (in the domain's order for a one-pass load; any order is correct). */
  static from(names: Map<string, string>, facts: readonly ReputationInput[]): LedgerCache {
    const cache = new LedgerCache(new Map(names));
    for (const fact of facts) {
      if (cache.seen.has(fact.id) || NO_EFFECT_TYPES.has(fact.type)) continue;
      cache.remember(fact);
      cache.projector.apply(fact);
    }
    cache.index(cache.projector.ledger());
    return cache;
  }

  readonly lookup = (memberId: string): string => this.names.get(memberId) ?? UNKNOWN_NAME;

  apply(fact: ReputationInput): LedgerDiff {
    if (this.seen.has(fact.id) || NO_EFFECT_TYPES.has(fact.type)) return { upserted: [], removed: [], flags: [], removedFlags: [], summaries: [] };
    this.remember(fact);
    return this.absorb(this.projector.apply(fact));
  }

  /**
   * A consumed batch at once: its names first (so its own facts quote them), then its facts in
   * one projector pass (a single replay however many are late). A name that changed for a
   * member already quoted re-derives everything once, facts included.
   */
  applyBatch(names: ReadonlyMap<string, string>, facts: readonly ReputationInput[]): LedgerDiff {
    let quoted = false;
    for (const [memberId, displayName] of names) {
      if (this.names.get(memberId) === displayName) continue;
      this.names.set(memberId, displayName);
      quoted ||= this.referenced.has(memberId);
    }
    const fresh = facts.filter((f) => !this.seen.has(f.id) && !NO_EFFECT_TYPES.has(f.type));
    for (const fact of fresh) if (!this.seen.has(fact.id)) this.remember(fact);
    if (quoted) return this.rederive();
    return this.absorb(this.projector.applyAll(fresh));
  }

  /** A display name arrived or changed; null when no line can quote it yet. */
  rename(memberId: string, displayName: string): LedgerDiff | null {
    if (this.names.get(memberId) === displayName) return null;
    this.names.set(memberId, displayName);
    return this.referenced.has(memberId) ? this.rederive() : null;
  }

  /**
   * Takes in facts and names that arrived meanwhile (a rebuild catching up with the live
   * projection) and reports the difference; everything is re-derived, as a late name can
   * change any reason.
   */
  catchUp(names: ReadonlyMap<string, string>, facts: readonly ReputationInput[]): LedgerDiff {
    for (const [memberId, name] of names) this.names.set(memberId, name);
    for (const fact of facts) if (!this.seen.has(fact.id) && !NO_EFFECT_TYPES.has(fact.type)) this.remember(fact);
    return this.rederive();
  }

  /** Every entry and flag as they stand. */
  ledger(): { entries: LedgerEntry[]; flags: ReputationFlag[] } {
    return { entries: [...this.entries.values()], flags: [...this.flags.values()] };
  }

  /** Every member with lines, with their summary. */
  summaries(): MemberSummary[] {
    return [...this.byMember.keys()].map((memberId) => this.summaryOf(memberId));
  }

  /** Replays every fact with the current names and reports what differs from the lines held. */
  private rederive(): LedgerDiff {
    const before = { entries: this.entries, flags: this.flags };
    this.projector = new LedgerProjector(this.lookup);
    for (const fact of [...this.facts].sort(compareFacts)) this.projector.apply(fact);
    const after = this.projector.ledger();
    this.index(after);
    const upserted = after.entries.filter((e) => !same(before.entries.get(e.id), e));
    const removed = [...before.entries.values()].filter((e) => !this.entries.has(e.id));
    const members = new Set([...upserted, ...removed].map((e) => e.memberId));
    return {
      upserted,
      removed: removed.map((e) => e.id),
      flags: after.flags.filter((f) => !same(before.flags.get(f.id), f)),
      removedFlags: [...before.flags.keys()].filter((id) => !this.flags.has(id)),
      summaries: [...members].map((m) => this.summaryOf(m)),
    };
  }

  private remember(fact: ReputationInput): void {
    this.facts.push(fact);
    this.seen.add(fact.id);
    const data = fact.data as Record<string, unknown>;
    for (const field of NAMED) if (typeof data[field] === 'string') this.referenced.add(data[field]);
  }

  private index(ledger: { entries: LedgerEntry[]; flags: ReputationFlag[] }): void {
    this.entries = new Map();
    this.byMember = new Map();
    for (const entry of ledger.entries) this.put(entry);
    this.flags = new Map(ledger.flags.map((f) => [f.id, f]));
  }

  private absorb(change: LedgerChange): LedgerDiff {
    for (const id of change.removed) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.entries.delete(id);
      this.byMember.get(entry.memberId)?.delete(id);
    }
    for (const entry of change.upserted) this.put(entry);
    for (const flag of change.flags) this.flags.set(flag.id, flag);
    for (const id of change.removedFlags) this.flags.delete(id);
    return { ...change, summaries: change.members.map((m) => this.summaryOf(m)) };
  }

  private put(entry: LedgerEntry): void {
    const previous = this.entries.get(entry.id);
    if (previous && previous.memberId !== entry.memberId) this.byMember.get(previous.memberId)?.delete(entry.id);
    this.entries.set(entry.id, entry);
    let ids = this.byMember.get(entry.memberId);
    if (!ids) this.byMember.set(entry.memberId, (ids = new Set()));
    ids.add(entry.id);
  }

  private summaryOf(memberId: string): MemberSummary {
    const entries = [...(this.byMember.get(memberId) ?? [])].map((id) => this.entries.get(id)!);
    return summarize(entries)[0] ?? emptySummary(memberId);
  }
}

/** Lines and flags are plain data built the same way on every derivation: JSON equality is exact. */
const same = (a: unknown, b: unknown): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
