import pg from 'pg';
import { errorFields, type MessagingLogger } from './messaging.logger.js';

/** An outbox row as the relay sends it: the payload stays JSON text, never parsed. */
export interface OutboxRow {
  position: string;
  slot: number;
  event_id: string;
  stream_id: string;
  topic: string;
  type: string | null;
  payload: string;
}

const outboxSql = (table: string) => ({
  /**
   * The next pending rows of the owned slots ($1), at most $2: per slot a prefix in position
   * order (which is each stream's version order), merged by position. Positions come first,
   * from index-only scans of the partial pending index; payloads only for the chosen rows.
   * While a batch is still in flight (unmarked), the next read skips it: per slot, rows after
   * its last position ($3), plus any row behind it that is not one of its rows ($4) — a row
   * whose transaction committed late. Such a row is never behind a later event of its own
   * stream (a stream's next version commits after it), so sending it next keeps stream order.
   */
  read: `WITH next AS (
      SELECT p.position FROM unnest($1::smallint[], $3::bigint[]) AS s(slot, after)
      CROSS JOIN LATERAL (
        (SELECT position FROM ${table} WHERE slot = s.slot AND published_at IS NULL AND position > s.after ORDER BY position LIMIT $2)
        UNION ALL
        (SELECT position FROM ${table} WHERE slot = s.slot AND published_at IS NULL AND position <= s.after AND position <> ALL($4::bigint[]))
      ) p
      ORDER BY p.position LIMIT $2
    )
    SELECT o.position::text AS position, o.slot, o.event_id::text AS event_id, o.stream_id, o.topic,
           o.payload->>'type' AS type, o.payload::text AS payload
    FROM next JOIN ${table} o USING (position) ORDER BY o.position`,
  mark: `UPDATE ${table} SET published_at = now() WHERE position = ANY($1::bigint[]) AND published_at IS NULL`,
  pending: `SELECT count(*)::int AS n FROM ${table} WHERE published_at IS NULL`,
});

/**
 * Advisory-lock keys (two int4 keys: namespace, number). Advisory locks are per database, so
 * each service's outbox has its own. One namespace holds a lock per outbox slot, the other
 * one lock per live relay session, so instances can count each other.
 */
export const SLOT_LOCK_NAMESPACE = 0x50460001;
export const MEMBER_LOCK_NAMESPACE = 0x50460002;

/**
 * A relay instance's dedicated PostgreSQL session and the outbox slots it leases, held as
 * SESSION advisory locks. Session locks die with the connection, so a crashed or partitioned
 * instance loses its slots without anybody cleaning up, and the survivors take them over at
 * their next rebalance. Only one session can hold a slot, so no two relays publish the same
 * stream concurrently, and a stream (which lives in exactly one slot) keeps its order.
 *
 * The relay reads and marks rows through this same session: a mark that succeeds proves the
 * leases were held since the read. A query that fails for any reason but a server-reported
 * SQL error marks the session broken (it may have lost its locks); the relay then replaces
 * it rather than guess.
 */
export class OutboxSession {
  broken = false;
  private held: number[] = [];
  private readonly sql: ReturnType<typeof outboxSql>;

  private constructor(
    private readonly client: pg.Client,
    private readonly slots: number,
    table: string,
  ) {
    this.sql = outboxSql(table);
  }

  static async open(database: string | pg.ClientConfig, options: { slots: number; table: string; logger: MessagingLogger }): Promise<OutboxSession> {
    const { slots, table, logger } = options;
    const client = new pg.Client(typeof database === 'string' ? { connectionString: database } : database);
    const session = new OutboxSession(client, slots, table);
    // Without a listener a dropped connection would crash the process; mark it and let the relay reconnect.
    client.on('error', (error) => {
      session.broken = true;
      logger.warn(errorFields(error), 'outbox relay: database session lost');
    });
    try {
      await client.connect();
      await client.query("SET application_name = 'outbox-relay'");
      // Registers this session as a relay instance; the lock vanishes with the session.
      await client.query('SELECT pg_advisory_lock($1, pg_backend_pid())', [MEMBER_LOCK_NAMESPACE]);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return session;
  }

  owned(): readonly number[] {
    return this.held;
  }

  /** Up to `limit` pending rows of the owned slots; `inFlight` = a batch sent but not yet marked, to skip. */
  async read(limit: number, inFlight: readonly OutboxRow[] = []): Promise<OutboxRow[]> {
    if (this.held.length === 0) return [];
    const after = this.held.map(() => 0n);
    for (const row of inFlight) {
      const i = this.held.indexOf(row.slot);
      if (i >= 0 && BigInt(row.position) > after[i]!) after[i] = BigInt(row.position);
    }
    const values = [this.held, limit, after.map(String), inFlight.map((r) => r.position)];
    return (await this.query<OutboxRow>({ name: 'pf_relay_read_v2', text: this.sql.read, values })).rows;
  }

  /** Marks rows published; only ever called after the broker acknowledged them. */
  async mark(rows: readonly OutboxRow[]): Promise<void> {
    await this.query({ name: 'pf_relay_mark_v1', text: this.sql.mark, values: [rows.map((r) => r.position)] });
  }

  /** Rows not yet published in every slot (not only ours): the outbox's lag. */
  async pending(): Promise<number> {
    return (await this.query<{ n: number }>({ text: this.sql.pending })).rows[0]!.n;
  }

  /** Proves the session (hence its locks) still stands. */
  async ping(): Promise<void> {
    await this.query({ text: 'SELECT 1' });
  }

  async query<R extends pg.QueryResultRow>(query: pg.QueryConfig): Promise<pg.QueryResult<R>> {
    try {
      return await this.client.query<R>(query);
    } catch (error) {
      // An error the server reported on a live connection (bad SQL, missing table) leaves the
      // session and its locks intact; anything else may have cost the connection.
      const code = (error as { code?: unknown }).code;
      const serverSide = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57)/.test(code);
      if (!serverSide) this.broken = true;
      throw error;
    }
  }

  /**
   * Moves towards a fair share, ceil(slots / live instances): releases the surplus, then tries
   * to take free slots, starting at a per-session offset so instances do not all probe slot 0.
   * Converges within a round or two of every instance's rebalance. Called between batches only,
   * never while a batch read from a slot it might release is in flight. Returns whether the
   * owned slots changed.
   */
  async rebalance(): Promise<boolean> {
    const before = this.held.join(',');
    const { rows } = await this.query<{ members: number; pid: number }>({
      text: `SELECT count(*)::int AS members, pg_backend_pid() AS pid FROM pg_locks
              WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1::int::oid
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      values: [MEMBER_LOCK_NAMESPACE],
    });
    const target = Math.ceil(this.slots / Math.max(1, rows[0]!.members));
    while (this.held.length > target) {
      const slot = this.held.pop()!;
      await this.query({ text: 'SELECT pg_advisory_unlock($1, $2)', values: [SLOT_LOCK_NAMESPACE, slot] });
    }
    const start = rows[0]!.pid % this.slots;
    for (let i = 0; i < this.slots && this.held.length < target; i++) {
      const slot = (start + i) % this.slots;
      if (this.held.includes(slot)) continue;
      const { rows: got } = await this.query<{ ok: boolean }>({
        text: 'SELECT pg_try_advisory_lock($1, $2) AS ok',
        values: [SLOT_LOCK_NAMESPACE, slot],
      });
      if (got[0]!.ok) this.held.push(slot);
    }
    this.held.sort((a, b) => a - b);
    return this.held.join(',') !== before;
  }

  /** Ends the session; PostgreSQL releases its locks with it. */
  async close(): Promise<void> {
    this.held = [];
    await this.client.end().catch(() => undefined);
  }
}
