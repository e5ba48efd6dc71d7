import { DomainError } from '@payforward/contracts';
import type { KeyStore, StoredKey } from './key-store.js';
import type { MasterKey } from './master-key.js';

/** What a write for an erased member hears: nothing of theirs can be recorded again. */
export class ErasedMemberError extends DomainError {
  constructor(readonly memberId: string) {
    super('FORBIDDEN', 'This account was erased: nothing can be recorded for it any more.');
  }
}

export interface DataKeysOptions {
  /**
   * How long an unwrapped key is trusted without asking the store again. Erasure in another
   * process reaches this one through MemberErased (forget); the limit bounds how long a missed
   * or late event could keep a deleted key usable here. Erased members are remembered forever.
   */
  ttlMs?: number;
  clock?: () => number;
}

type Entry = { key: Buffer | null; until: number };

/**
 * Members' data keys for one process: created on a member's first write (exactly one key
 * however many writers race: the store keeps the first row and everyone reads it back),
 * unwrapped with the master key, and cached in memory.
 */
export class DataKeys {
  private readonly cache = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Buffer | null>>();
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly store: KeyStore,
    private readonly master: MasterKey,
    { ttlMs = 5 * 60_000, clock = Date.now }: DataKeysOptions = {},
  ) {
    this.ttlMs = ttlMs;
    this.clock = clock;
  }

  /** The member's key to seal with, created on first use; ErasedMemberError once the member is erased. */
  async forWriting(memberId: string): Promise<Buffer> {
    const id = memberId.toLowerCase();
    const cached = this.cached(id);
    if (cached === null) throw new ErasedMemberError(id);
    if (cached) return cached;
    const { dataKey, wrapped } = this.master.newDataKey(id);
    const row = await this.store.insertIfAbsent(id, wrapped, this.master.id);
    const key = row.wrapped === null ? null : row.wrapped.equals(wrapped) ? dataKey : this.unwrap(row);
    this.remember(id, key);
    if (key === null) throw new ErasedMemberError(id);
    return key;
  }

  /** Keys to open sealed values with, in one round trip for the uncached ones; null = erased (or never had one). */
  async forReading(memberIds: Iterable<string>): Promise<Map<string, Buffer | null>> {
    const result = new Map<string, Buffer | null>();
    const waiting = new Map<string, Promise<Buffer | null>>();
    const pending: string[] = [];
    for (const raw of memberIds) {
      const id = raw.toLowerCase();
      if (result.has(id) || waiting.has(id)) continue;
      const cached = this.cached(id);
      if (cached !== undefined) result.set(id, cached);
      else if (this.loading.has(id)) waiting.set(id, this.loading.get(id)!);
      else pending.push(id);
    }
    if (pending.length > 0) {
      const batch = this.load(pending);
      for (const id of pending) {
        const one = batch.then((keys) => keys.get(id) ?? null);
        waiting.set(id, one);
        this.loading.set(id, one);
        void one.then(
          () => this.loading.delete(id),
          () => this.loading.delete(id),
        );
      }
    }
    for (const [id, key] of waiting) result.set(id, await key);
    return result;
  }

  private async load(ids: string[]): Promise<Map<string, Buffer | null>> {
    const rows = await this.store.find(ids);
    const byId = new Map(rows.map((r) => [r.memberId.toLowerCase(), r]));
    const keys = new Map<string, Buffer | null>();
    for (const id of ids) {
      const row = byId.get(id);
      const key = row ? this.unwrapOrNull(row) : null;
      // A member without any row is not remembered: their first write may still create the key.
      if (row) this.remember(id, key);
      keys.set(id, key);
    }
    return keys;
  }

  /** Deletes the member's key for good (leaving a tombstone) and forgets it here. */
  async erase(memberId: string): Promise<void> {
    await this.store.erase(memberId.toLowerCase());
    this.forget(memberId);
  }

  /** Another process erased the member (MemberErased): never use a cached copy of the key again. */
  forget(memberId: string): void {
    this.cache.set(memberId.toLowerCase(), { key: null, until: Number.POSITIVE_INFINITY });
  }

  /** undefined = unknown here, null = erased, else the key. */
  private cached(id: string): Buffer | null | undefined {
    const entry = this.cache.get(id);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.cache.delete(id);
      return undefined;
    }
    return entry.key;
  }

  private remember(id: string, key: Buffer | null): void {
    this.cache.set(id, { key, until: key === null ? Number.POSITIVE_INFINITY : this.clock() + this.ttlMs });
  }

  private unwrapOrNull(row: StoredKey): Buffer | null {
    return row.wrapped === null ? null : this.unwrap(row);
  }

  private unwrap(row: StoredKey): Buffer {
    if (row.masterKeyId !== this.master.id) {
      throw new Error(`the key of member ${row.memberId} was wrapped with master key ${row.masterKeyId}; this process has ${this.master.id}`);
    }
    return this.master.unwrap(row.memberId, row.wrapped!);
  }
}
