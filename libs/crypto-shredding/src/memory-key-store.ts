import type { KeyStore, StoredKey } from './key-store.js';

/**
 * The key table in memory, with the Postgres store's semantics (first row wins, tombstones):
 * for unit specs of code that seals and opens, where a database would add nothing.
 */
export class MemoryKeyStore implements KeyStore {
  readonly rows = new Map<string, StoredKey>();
  /** Lookups that reached the store (the cache in front of it should keep this low). */
  finds = 0;

  async insertIfAbsent(memberId: string, wrapped: Buffer, masterKeyId: string): Promise<StoredKey> {
    if (!this.rows.has(memberId)) this.rows.set(memberId, { memberId, wrapped, masterKeyId, erasedAt: null });
    return this.rows.get(memberId)!;
  }

  async find(memberIds: readonly string[]): Promise<StoredKey[]> {
    this.finds += 1;
    return memberIds.flatMap((id) => (this.rows.has(id) ? [this.rows.get(id)!] : []));
  }

  async erase(memberId: string): Promise<void> {
    const erasedAt = this.rows.get(memberId)?.erasedAt ?? new Date();
    this.rows.set(memberId, { memberId, wrapped: null, masterKeyId: null, erasedAt });
  }

  async close(): Promise<void> {}
}
