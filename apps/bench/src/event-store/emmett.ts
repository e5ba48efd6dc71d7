// Contender: Emmett 0.42's PostgreSQL event store, appending the same events with an
// expected stream version, on a pool as large as ours (its default would be 10 connections).
import pg from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { benchMetadata, connectionString, memberData, parseContenderArgs, runContender } from './contender.runner.js';

const args = parseContenderArgs();
const url = connectionString(args.db);
const pool = new pg.Pool({ connectionString: url, max: args.writers });
const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
await store.schema.migrate();

await runContender('emmett', args, async (streamId, expectedVersion) => {
  const events = [];
  for (let i = 0; i < args.eventsPerAppend; i++) {
    events.push({ type: 'MemberRegistered', data: memberData(), metadata: benchMetadata() });
  }
  await store.appendToStream(streamId, events, { expectedStreamVersion: BigInt(expectedVersion) });
});
await store.close();
await pool.end();
