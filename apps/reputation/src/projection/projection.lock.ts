import type pg from 'pg';

/** Advisory lock keys of the reputation projection (namespace, key): distinct from messaging's. */
export const PROJECTION_LOCK_NAMESPACE = 0x50460301;
/** Held (per transaction) by every write of the ledger tables: one writer at a time, whatever the partition. */
export const WRITE_LOCK = 0;
/** Held (per session) for the whole of a rebuild: one rebuild at a time, and "rebuilding" is whether it is held. */
export const REBUILD_LOCK = 1;

export async function lockProjectionWrites(tx: pg.ClientBase): Promise<void> {
  await tx.query({ name: 'reputation-write-lock', text: 'SELECT pg_advisory_xact_lock($1, $2)', values: [PROJECTION_LOCK_NAMESPACE, WRITE_LOCK] });
}

/** Whether some session of this database holds the rebuild lock (survives nothing: a dead rebuild releases it). */
export async function isRebuilding(db: pg.Pool | pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ held: boolean }>({
    name: 'reputation-rebuild-held',
    text: `SELECT EXISTS (
             SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
              WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()
                AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2
           ) AS held`,
    values: [PROJECTION_LOCK_NAMESPACE, REBUILD_LOCK],
  });
  return rows[0]!.held;
}
