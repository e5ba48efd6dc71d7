// Contender: the raw `pg` reference for batches — K events and their outbox rows as one
// multi-row insert (unnest of arrays) with the expected-version check, one named prepared
// statement in one round trip.
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_STORE_SCHEMA_UP, slotFor } from '@payforward/event-store';
import { benchMetadata, connectionString, memberData, parseContenderArgs, runContender } from './contender.runner.js';

const APPEND_MANY = {
  name: 'raw_append_many',
  text: `
WITH ok AS (
  SELECT 1 WHERE (SELECT coalesce(max(version), 0) FROM es_events WHERE stream_id = $1) = $2::int
), ev AS (
  INSERT INTO es_events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at)
  SELECT e.id, $1, e.version, 'MemberRegistered', 1, e.data, e.metadata, e.at
  FROM ok, unnest($3::uuid[], $4::int[], $5::jsonb[], $6::jsonb[], $7::timestamptz[]) AS e(id, version, data, metadata, at)
  RETURNING event_id
)
INSERT INTO es_outbox (event_id, stream_id, topic, slot, payload)
SELECT o.id, $1, 'identity.member.v1', $8, o.payload
FROM ok, unnest($3::uuid[], $9::jsonb[]) AS o(id, payload)
RETURNING event_id`,
};

const args = parseContenderArgs();
const pool = new pg.Pool({ connectionString: connectionString(args.db), max: args.writers });
await pool.query(EVENT_STORE_SCHEMA_UP);

await runContender('raw-multirow', args, async (streamId, expectedVersion) => {
  const [ids, versions, data, metadata, at, payloads] = [[], [], [], [], [], []] as [string[], number[], string[], string[], string[], string[]];
  const occurredAt = new Date().toISOString();
  for (let i = 0; i < args.eventsPerAppend; i++) {
    const id = uuidv7();
    const d = memberData();
    const m = benchMetadata();
    const version = expectedVersion + i + 1;
    ids.push(id);
    versions.push(version);
    data.push(JSON.stringify(d));
    metadata.push(JSON.stringify(m));
    at.push(occurredAt);
    payloads.push(JSON.stringify({ id, type: 'MemberRegistered', streamId, version, occurredAt, schemaVersion: 1, metadata: m, data: d }));
  }
  const values = [streamId, expectedVersion, ids, versions, data, metadata, at, slotFor(streamId), payloads];
  const result = await pool.query({ ...APPEND_MANY, values });
  if (result.rowCount !== args.eventsPerAppend) throw new Error(`expected version ${expectedVersion} of ${streamId} did not hold`);
});
await pool.end();
