import { v7 as uuidv7 } from 'uuid';
import { EVENT_CATALOG } from '@payforward/contracts';
import type { ExpectedVersion, NewEvent } from './event-store.types.js';
import { APPEND_MANY, APPEND_ONE } from './event-store.sql.js';
import { slotFor } from './outbox.slot.js';

export interface AppendQuery {
  eventIds: string[];
  query: { name: string; text: string; values: unknown[] };
}

/** The expectation as the append statement's two parameters: an exact version (or null) and "must exist". */
export function parseExpected(expected: ExpectedVersion): { exact: number | null; mustExist: boolean } {
  switch (expected) {
    case 'any':
      return { exact: null, mustExist: false };
    case 'stream_exists':
      return { exact: null, mustExist: true };
    case 'no_stream':
      return { exact: 0, mustExist: false };
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`expected version must be a non-negative integer or a mode, got ${String(expected)}`);
      }
      return { exact: expected, mustExist: false };
  }
}

/**
 * The append statement and its parameters: typed for one event (the hot path), one JSON
 * document for a batch. Per event the client does the minimum: an id (UUIDv7) when none is
 * given, and one JSON.stringify. Ids are lower-cased, as PostgreSQL prints uuids, so a
 * replay is recognised whatever case the caller used.
 */
export function buildAppendQuery(
  streamId: string,
  events: NewEvent[],
  exact: number | null,
  mustExist: boolean,
  /** The outbox topic of a type; null for an internal event, which gets no outbox row. */
  topicFor: (type: string) => string | null,
  now: Date,
): AppendQuery {
  const nowIso = now.toISOString();
  const slot = slotFor(streamId);
  if (events.length === 1) {
    const e = events[0]!;
    const id = e.id?.toLowerCase() ?? uuidv7();
    const values = [streamId, slot, exact, mustExist, id, e.type, schemaVersionOf(e), JSON.stringify(e.data)];
    values.push(JSON.stringify(e.metadata), e.occurredAt?.toISOString() ?? nowIso, topicFor(e.type));
    return { eventIds: [id], query: { ...APPEND_ONE, values } };
  }
  const eventIds: string[] = [];
  const topics: (string | null)[] = [];
  const envelopes = events.map((e) => {
    const id = e.id?.toLowerCase() ?? uuidv7();
    eventIds.push(id);
    topics.push(topicFor(e.type));
    const occurredAt = e.occurredAt?.toISOString() ?? nowIso;
    return { id, type: e.type, streamId, occurredAt, schemaVersion: schemaVersionOf(e), metadata: e.metadata, data: e.data };
  });
  return { eventIds, query: { ...APPEND_MANY, values: [streamId, slot, exact, mustExist, JSON.stringify(envelopes), topics] } };
}

/** The schema version producers write: the caller's, else the contract's current one, else 1. */
const schemaVersionOf = (e: NewEvent): number => e.schemaVersion ?? EVENT_CATALOG[e.type]?.schemaVersion ?? 1;
