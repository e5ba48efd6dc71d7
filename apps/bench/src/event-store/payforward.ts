// Contender: our PostgresEventStore.append (events + outbox rows, expected-version check).
import pg from 'pg';
import { EVENT_STORE_SCHEMA_UP, PostgresEventStore, type NewEvent } from '@payforward/event-store';
import { benchMetadata, connectionString, memberData, parseContenderArgs, runContender } from './contender.runner.js';

const args = parseContenderArgs();
const pool = new pg.Pool({ connectionString: connectionString(args.db), max: args.writers });
await pool.query(EVENT_STORE_SCHEMA_UP);
const store = new PostgresEventStore(pool);

await runContender('payforward', args, async (streamId, expectedVersion) => {
  const events: NewEvent[] = [];
  for (let i = 0; i < args.eventsPerAppend; i++) {
    events.push({ type: 'MemberRegistered', data: memberData(), metadata: benchMetadata() });
  }
  await store.append(streamId, events, expectedVersion);
});
await pool.end();
