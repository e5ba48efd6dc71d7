import pg from 'pg';
import type { PgSettings } from '../config/service.config.js';

/**
 * Creates the service's database when it is missing (one database per service). Connects
 * to the server's `postgres` database to do it; a concurrent creator is not an error.
 */
export async function createDatabase(settings: PgSettings): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(settings.database)) {
    throw new Error(`refusing to create database "${settings.database}": use lower-case letters, digits and _`);
  }
  const admin = new pg.Client({ ...settings, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [settings.database]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE "${settings.database}"`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return false; // duplicate_database: someone else made it
    throw error;
  } finally {
    await admin.end();
  }
}
