import pg from 'pg';

/** One row of the key table: a wrapped data key, or the tombstone of an erased member. */
export interface StoredKey {
  memberId: string;
  /** Null once erased: the key material is gone, only the tombstone stays. */
  wrapped: Buffer | null;
  masterKeyId: string | null;
  erasedAt: Date | null;
}

/** Where data keys live; Postgres in the services, in memory in unit specs. */
export interface KeyStore {
  /** Stores the key unless the member already has a row, then returns the row that is there (the first writer's). */
  insertIfAbsent(memberId: string, wrapped: Buffer, masterKeyId: string): Promise<StoredKey>;
  find(memberIds: readonly string[]): Promise<StoredKey[]>;
  /** Deletes the key material and leaves a tombstone, so no later write can create a new key. Idempotent. */
  erase(memberId: string): Promise<void>;
  close(): Promise<void>;
}

export interface KeyStoreSettings {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  /** The key database (`KEYS_DATABASE`, default payforward_keys): one for every service. */
  database: string;
}

export const KEYS_TABLE = 'member_keys';

/**
 * The tombstone is a row with no key: erasure cannot be undone by a racing first write
 * creating a fresh key. `master_key_id` says which master key wrapped the row.
 */
export const KEYS_SCHEMA = `
CREATE TABLE IF NOT EXISTS ${KEYS_TABLE} (
  member_id uuid PRIMARY KEY,
  wrapped_key bytea,
  master_key_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz,
  CONSTRAINT member_keys_key_or_tombstone CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL) AND (wrapped_key IS NULL) = (master_key_id IS NULL))
);`;

/** Any 64-bit number, the same in every service: serializes the CREATE TABLE of concurrent first starts. */
const SCHEMA_LOCK = 7_310_221_904_010;

interface KeyRow {
  member_id: string;
  wrapped_key: Buffer | null;
  master_key_id: string | null;
  erased_at: Date | null;
}

const toStored = (r: KeyRow): StoredKey => ({ memberId: r.member_id, wrapped: r.wrapped_key, masterKeyId: r.master_key_id, erasedAt: r.erased_at });

/**
 * The key table in its own database, reached by every service that seals or reads personal
 * data (ADR 010): like a KMS, it is nobody's read model and no service reads another's tables.
 */
export class PostgresKeyStore implements KeyStore {
  private readonly pool: pg.Pool;
  private ready?: Promise<void>;

  constructor(private readonly settings: KeyStoreSettings, { max = 4 }: { max?: number } = {}) {
    this.pool = new pg.Pool({ ...settings, max, application_name: 'payforward-keys' });
    this.pool.on('error', () => undefined); // an idle connection lost to a restart is replaced on the next checkout
  }

  /** Creates the key database and table when missing; safe to run from every service at once. */
  ensureSchema(): Promise<void> {
    this.ready ??= ensureKeyStore(this.settings).catch((error: unknown) => {
      this.ready = undefined; // retried by the next call
      throw error;
    });
    return this.ready;
  }

  async insertIfAbsent(memberId: string, wrapped: Buffer, masterKeyId: string): Promise<StoredKey> {
    await this.ensureSchema();
    const inserted = await this.pool.query<KeyRow>({
      name: 'keys-insert',
      text: `INSERT INTO ${KEYS_TABLE} (member_id, wrapped_key, master_key_id) VALUES ($1, $2, $3)
             ON CONFLICT (member_id) DO NOTHING RETURNING member_id, wrapped_key, master_key_id, erased_at`,
      values: [memberId, wrapped, masterKeyId],
    });
    if (inserted.rows[0]) return toStored(inserted.rows[0]);
    // Lost the race (or the member had a key): a new statement, so a new snapshot that sees the winner's row.
    const [existing] = await this.find([memberId]);
    if (!existing) throw new Error(`key row of member ${memberId} vanished after a conflicting insert`);
    return existing;
  }

  async find(memberIds: readonly string[]): Promise<StoredKey[]> {
    if (memberIds.length === 0) return [];
    await this.ensureSchema();
    const { rows } = await this.pool.query<KeyRow>({
      name: 'keys-find',
      text: `SELECT member_id, wrapped_key, master_key_id, erased_at FROM ${KEYS_TABLE} WHERE member_id = ANY($1::uuid[])`,
      values: [memberIds],
    });
    return rows.map(toStored);
  }

  async erase(memberId: string): Promise<void> {
    await this.ensureSchema();
    await this.pool.query({
      name: 'keys-erase',
      text: `INSERT INTO ${KEYS_TABLE} (member_id, wrapped_key, master_key_id, erased_at) VALUES ($1, NULL, NULL, now())
             ON CONFLICT (member_id) DO UPDATE SET wrapped_key = NULL, master_key_id = NULL, erased_at = coalesce(${KEYS_TABLE}.erased_at, now())`,
      values: [memberId],
    });
    // The old row version still holds the wrapped key until vacuumed: reclaim it now rather than at autovacuum's leisure.
    await this.pool.query(`VACUUM ${KEYS_TABLE}`).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** CREATE DATABASE when missing (a concurrent creator is fine), then the table under an advisory lock. */
export async function ensureKeyStore(settings: KeyStoreSettings): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(settings.database)) {
    throw new Error(`refusing to create key database "${settings.database}": use lower-case letters, digits and _`);
  }
  const admin = new pg.Client({ ...settings, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [settings.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${settings.database}"`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error; // someone else created it meanwhile
  } finally {
    await admin.end();
  }
  const client = new pg.Client(settings);
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(KEYS_SCHEMA);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
