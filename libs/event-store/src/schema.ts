/**
 * The event store's tables, created in each service's own database by that service's
 * migrations. One row per event in `es_events`; the same transaction writes one row per
 * event to `es_outbox`, which the relay publishes to Kafka.
 *
 * `tx_id` (the writing transaction's id) lets readers follow commit-safe global order:
 * a reader only takes rows whose transaction is older than every transaction still in
 * flight, in (tx_id, global_position) order, so a row that commits late is never skipped.
 */
export const EVENTS_TABLE = 'es_events';
export const OUTBOX_TABLE = 'es_outbox';
/** The channel every append that wrote rows NOTIFYs at commit: the relay LISTENs on it to publish without waiting for its next poll. */
export const OUTBOX_CHANNEL = 'es_outbox';

/** The outbox is split into slots by stream; a relay instance leases slots, so per-stream order holds with many relays. */
export const OUTBOX_SLOTS = 16;

export const EVENT_STORE_SCHEMA_UP = `
CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (
  global_position bigserial PRIMARY KEY,
  event_id uuid NOT NULL,
  stream_id text NOT NULL,
  version integer NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT es_events_event_id_key UNIQUE (event_id),
  CONSTRAINT es_events_stream_version_key UNIQUE (stream_id, version)
);
CREATE TABLE IF NOT EXISTS ${OUTBOX_TABLE} (
  position bigserial PRIMARY KEY,
  event_id uuid NOT NULL,
  stream_id text NOT NULL,
  topic text NOT NULL,
  slot smallint NOT NULL,
  payload jsonb NOT NULL,
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  CONSTRAINT es_outbox_event_id_key UNIQUE (event_id)
);
CREATE INDEX IF NOT EXISTS es_outbox_pending_idx ON ${OUTBOX_TABLE} (slot, position) WHERE published_at IS NULL;
-- readAll's commit-safe order is (tx_id, global_position), not global_position alone: see READ_ALL.
CREATE INDEX IF NOT EXISTS es_events_commit_order_idx ON ${EVENTS_TABLE} (tx_id, global_position);
`;

export const EVENT_STORE_SCHEMA_DOWN = `DROP TABLE IF EXISTS ${OUTBOX_TABLE}; DROP TABLE IF EXISTS ${EVENTS_TABLE};`;
