import { EVENTS_TABLE, OUTBOX_CHANNEL, OUTBOX_TABLE } from './schema.js';

/*
 * The append is ONE statement in ONE round trip, prepared once per connection (named). A
 * single statement is its own transaction, so event rows and outbox rows commit together.
 *
 * - `cur` reads the stream's version through the unique (stream_id, version) index;
 * - the new events are numbered after it and inserted only when the expectation holds
 *   ($3 = exact version or NULL, $4 = the stream must exist); otherwise nothing is written
 *   and the row returned carries the actual version with a NULL position;
 * - two writers that both saw the same version insert the same (stream_id, version): the
 *   unique index lets one commit and fails the other with 23505, which the store maps to a
 *   WrongExpectedVersionError (or retries, for 'any' / 'stream_exists').
 *
 * - only integration events get an outbox row (a NULL topic marks an internal one, ADR 012);
 * - an append that wrote outbox rows NOTIFYs OUTBOX_CHANNEL (delivered at commit, dropped on rollback)
 *   so an idle relay wakes up at once instead of at its next poll — but only when its outbox
 *   slot had nothing pending (the statement's snapshot does not see its own rows). A relay
 *   with pending rows is busy and reads again at once; skipping the notify then matters,
 *   because PostgreSQL serialises the commits of notifying transactions (with a notify on
 *   every append, 16 writers lost ~40% of their throughput). A missed wake-up costs at most
 *   one poll interval. `nt` is volatile, so it is not inlined, and the final WHERE evaluates
 *   it once (an init plan), whatever the row count.
 *
 * Shared parameters: $1 stream id, $2 outbox slot, $3 exact expected version, $4 must exist.
 */
const CUR = `cur AS (SELECT coalesce(max(version), 0) AS v FROM ${EVENTS_TABLE} WHERE stream_id = $1::text)`;
const EXPECTATION_HOLDS = '($3::int IS NULL OR cur.v = $3::int) AND (NOT $4::bool OR cur.v > 0)';
const NOTIFY = `nt AS (
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM ob
  WHERE NOT EXISTS (SELECT 1 FROM ${OUTBOX_TABLE} WHERE slot = $2::smallint AND published_at IS NULL) LIMIT 1)`;
const NOTIFIED = '(SELECT count(*) FROM nt) >= 0';

/**
 * One event (the common case), with typed parameters: $5 id, $6 type, $7 schema version,
 * $8 data, $9 metadata, $10 occurred-at (ISO text), $11 topic (NULL: internal, no outbox row). data and metadata are parsed
 * once, at bind, and the outbox envelope is built from them here rather than sent twice.
 */
export const APPEND_ONE = {
  name: 'pf_es_append_one_v3',
  text: `
WITH ${CUR}, ev AS (
  INSERT INTO ${EVENTS_TABLE} (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at)
  SELECT $5::uuid, $1::text, cur.v + 1, $6::text, $7::int, $8::jsonb, $9::jsonb, $10::text::timestamptz
  FROM cur WHERE ${EXPECTATION_HOLDS}
  RETURNING version, global_position
), ob AS (
  INSERT INTO ${OUTBOX_TABLE} (event_id, stream_id, topic, slot, payload)
  SELECT $5::uuid, $1::text, $11::text, $2::smallint, jsonb_build_object('id', $5::uuid, 'type', $6::text,
    'streamId', $1::text, 'version', version, 'occurredAt', $10::text, 'schemaVersion', $7::int, 'metadata', $9::jsonb, 'data', $8::jsonb)
  FROM ev WHERE $11::text IS NOT NULL
  RETURNING 1
), ${NOTIFY}
SELECT cur.v AS current, ev.global_position FROM cur LEFT JOIN ev ON true WHERE ${NOTIFIED}`,
};

/**
 * A batch: $5 a JSON array of envelopes without `version`, $6 their topics (NULL: internal). One JSON
 * document is cheaper to send and parse than arrays of JSON strings (which need quoting and
 * a second parse); the outbox payload is each envelope plus the version computed here.
 */
export const APPEND_MANY = {
  name: 'pf_es_append_many_v3',
  text: `
WITH ${CUR}, batch AS (
  SELECT cur.v + e.n AS version, e.n, e.env
  FROM cur, jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(env, n)
  WHERE ${EXPECTATION_HOLDS}
), ev AS (
  INSERT INTO ${EVENTS_TABLE} (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at)
  SELECT (env->>'id')::uuid, $1::text, version, env->>'type', (env->>'schemaVersion')::int,
         env->'data', env->'metadata', (env->>'occurredAt')::timestamptz
  FROM batch ORDER BY n
  RETURNING version, global_position
), ob AS (
  INSERT INTO ${OUTBOX_TABLE} (event_id, stream_id, topic, slot, payload)
  SELECT (env->>'id')::uuid, $1::text, ($6::text[])[n], $2::smallint, env || jsonb_build_object('version', version)
  FROM batch WHERE ($6::text[])[n] IS NOT NULL ORDER BY n
  RETURNING 1
), ${NOTIFY}
SELECT cur.v AS current, ev.global_position FROM cur LEFT JOIN ev ON true WHERE ${NOTIFIED} ORDER BY ev.version`,
};

/** Only on the failure path: which of the appended ids are stored already, and where. */
export const FIND_EVENT_IDS = {
  name: 'pf_es_find_ids_v1',
  text: `SELECT event_id::text AS id, stream_id, version, global_position FROM ${EVENTS_TABLE} WHERE event_id = ANY($1::uuid[])`,
};

export const STREAM_VERSION = {
  name: 'pf_es_stream_version_v1',
  text: `SELECT coalesce(max(version), 0) AS v FROM ${EVENTS_TABLE} WHERE stream_id = $1`,
};

const COLUMNS = 'global_position, tx_id::text AS tx_id, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at';

export const READ_STREAM = {
  name: 'pf_es_read_stream_v1',
  text: `SELECT ${COLUMNS} FROM ${EVENTS_TABLE} WHERE stream_id = $1 AND version >= $2 ORDER BY version`,
};

/**
 * Commit-safe global order. Positions come from a sequence before commit, so a transaction
 * in flight can commit a SMALLER position than rows already visible (and two concurrent
 * batches can interleave positions). So:
 * - only rows of transactions older than every transaction in flight are returned
 *   (tx_id < the snapshot's xmin): their transactions are finished;
 * - they are ordered by (tx_id, global_position), not by position alone: every row that
 *   becomes visible later belongs to a transaction in flight now or started later, whose
 *   tx_id is >= xmin, so it sorts after everything returned. A reader that keeps the last
 *   (tx_id, position) as its checkpoint therefore never skips an event.
 * (Filtering on xmin but checkpointing on position alone still skips: a transaction with a
 * smaller position can hold a larger tx_id.)
 */
export const READ_ALL = {
  name: 'pf_es_read_all_v2',
  text: `SELECT ${COLUMNS} FROM ${EVENTS_TABLE}
WHERE (tx_id, global_position) > ($1::xid8, $2::bigint) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY tx_id, global_position LIMIT $3`,
};

export interface EventRow {
  global_position: string;
  tx_id: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: { actor: string; correlationId: string; causationId: string | null };
  occurred_at: Date;
}
