import pg from 'pg';
import { pgConfig, uniqueSuffix } from './env.js';

export interface TestDatabase {
  name: string;
  pool: pg.Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the real PostgreSQL server for one test file, optionally
 * running schema SQL in it. Every test file gets its own, so files can run in parallel.
 */
export async function createTestDatabase(prefix: string, schemaSql?: string, poolSize = 20): Promise<TestDatabase> {
  const name = `pf_test_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${uniqueSuffix()}`;
  const admin = new pg.Client({ ...pgConfig(), database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ ...pgConfig(), database: name, max: poolSize });
  if (schemaSql) await pool.query(schemaSql);
  return {
    name,
    pool,
    async drop() {
      // pool.end() resolves before its sockets close; DROP … WITH (FORCE) then kills those
      // backends, and the pool would report it as an unhandled 'error'. Expected here.
      pool.on('error', () => undefined);
      await pool.end();
      const c = new pg.Client({ ...pgConfig(), database: 'postgres' });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
