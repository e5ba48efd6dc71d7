import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { pgConfig } from '@payforward/testing';

/**
 * The erasure spec's search for plaintext (not a spec itself): every column of every table of
 * the given databases, the raw bytes of Kafka's log segments, and log files. Needles are
 * compared lower-cased; a hit names where it was found.
 */

export interface ScanReport {
  /** What was searched: databases, tables, columns / files, bytes. */
  scanned: { databases: number; tables: number; columns: number; files: number; bytes: number };
  hits: string[];
}

const empty = (): ScanReport => ({ scanned: { databases: 0, tables: 0, columns: 0, files: 0, bytes: 0 }, hits: [] });

/**
 * The forms a value may take when stored by something else: as is (JSON keeps ASCII as is, and
 * PostgreSQL prints jsonb text unescaped), and base64 at each of the three byte alignments (the
 * part that does not depend on the neighbouring bytes).
 */
export function needlesFor(values: readonly string[]): string[] {
  const needles = new Set<string>();
  for (const value of values) {
    needles.add(value.toLowerCase());
    needles.add(JSON.stringify(value).slice(1, -1).toLowerCase());
    for (let shift = 0; shift < 3; shift++) {
      // The value starting `shift` bytes into a 3-byte group: the full groups holding only its bytes encode the same whatever surrounds them.
      const bytes = Buffer.from(`${'x'.repeat(shift)}${value}`);
      const stable = bytes.toString('base64').slice(4 * Math.ceil(shift / 3), 4 * Math.floor(bytes.length / 3));
      if (stable.length >= 12) needles.add(stable.toLowerCase());
    }
  }
  return [...needles];
}

/** Every base table's every column, each read as text (bytea: searched as bytes). */
export async function scanDatabases(databases: readonly string[], needles: readonly string[]): Promise<ScanReport> {
  const report = empty();
  for (const database of databases) {
    const client = new pg.Client({ ...pgConfig(), database });
    await client.connect();
    report.scanned.databases++;
    try {
      const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
      );
      report.scanned.tables += new Set(columns.map((c) => c.table_name)).size;
      for (const { table_name: table, column_name: column, data_type: type } of columns) {
        report.scanned.columns++;
        const q = `"${table}"."${column}"`;
        const asText = type === 'bytea' ? `encode(${q}, 'escape')` : `${q}::text`;
        const { rows } = await client.query<{ bytes: string | null; hits: number }>(
          `SELECT sum(octet_length(${type === 'bytea' ? q : `${q}::text`}))::text AS bytes,
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE strpos(lower(${asText}), n) > 0))::int AS hits
             FROM "${table}"`,
          [needles],
        );
        report.scanned.bytes += Number(rows[0]!.bytes ?? 0);
        if (rows[0]!.hits > 0) report.hits.push(`${database}.${table}.${column}: ${rows[0]!.hits} row(s)`);
      }
    } finally {
      await client.end();
    }
  }
  return report;
}

/** Files under `dir` (recursively) whose names pass `keep`, searched as raw bytes. */
export function scanFiles(dir: string, keep: (path: string) => boolean, needles: readonly string[]): ScanReport {
  const report = empty();
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
      return;
    }
    if (!keep(path)) return;
    const bytes = readFileSync(path);
    report.scanned.files++;
    report.scanned.bytes += bytes.length;
    const text = bytes.toString('latin1').toLowerCase();
    const utf8 = bytes.toString('utf8').toLowerCase();
    for (const needle of needles) if (text.includes(needle) || utf8.includes(needle)) report.hits.push(`${path}: "${needle}"`);
  };
  walk(dir);
  return report;
}

/** Kafka's log segments (`<topic>-<partition>/*.log`) under the broker's data directory. */
export const isSegment = (path: string): boolean => path.endsWith('.log') && !path.includes('__cluster_metadata');
