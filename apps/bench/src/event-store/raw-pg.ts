// Contender: the raw `pg` ceiling for 1 event per append — the same work (event row, outbox
// row with the full envelope, expected-version check) as one named prepared statement in one
// round trip, written as simply as possible.
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_STORE_SCHEMA_UP, slotFor } from '@payforward/event-store';
import { benchMetadata, connectionString, memberData, parseContenderArgs, runContender } from './contender.runner.js';

const APPEND_ONE = {
  name: 'raw_append_one',
  text: `
WITH ev AS (
  INSERT INTO es_events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at)
  SELECT $1, $2, $3::int + 1, $4, 1, $5, $6, $7
  WHERE (SELECT coalesce(max(version), 0) FROM es_events WHERE stream_id = $2) = $3::int
  RETURNING event_id
)
INSERT INTO es_outbox (event_id, stream_id, topic, slot, payload) SELECT event_id, $2, $8, $9, $10 FROM ev`,
};

const args = parseContenderArgs();
if (args.eventsPerAppend !== 1) throw new Error('raw-pg appends exactly 1 event; use raw-multirow for batches');
const pool = new pg.Pool({ connectionString: connectionString(args.db), max: args.writers });
await pool.query(EVENT_STORE_SCHEMA_UP);

await runContender('raw-pg', args, async (streamId, expectedVersion) => {
  const id = uuidv7();
  const data = memberData();
  const metadata = benchMetadata();
  const occurredAt = new Date().toISOString();
  const envelope = { id, type: 'MemberRegistered', streamId, version: expectedVersion + 1, occurredAt, schemaVersion: 1, metadata, data };
  const values = [id, streamId, expectedVersion, 'MemberRegistered', JSON.stringify(data), JSON.stringify(metadata), occurredAt];
  values.push('identity.member.v1', slotFor(streamId), JSON.stringify(envelope));
  const result = await pool.query({ ...APPEND_ONE, values });
  if (result.rowCount !== 1) throw new Error(`expected version ${expectedVersion} of ${streamId} did not hold`);
});
await pool.end();
