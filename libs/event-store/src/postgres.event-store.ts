import type pg from 'pg';
import { isIntegrationEvent, topicForEventType } from '@payforward/contracts';
import { buildAppendQuery, parseExpected } from './append.query.js';
import { DuplicateEventIdError, WrongExpectedVersionError } from './event-store.errors.js';
import {
  START_CHECKPOINT,
  type AppendResult,
  type EventPayloadCodec,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllResult,
  type StoredEvent,
  type Upcasters,
} from './event-store.types.js';
import { FIND_EVENT_IDS, READ_ALL, READ_STREAM, STREAM_VERSION, type EventRow } from './event-store.sql.js';
import { upcast } from './event.upcasters.js';
import { slotFor } from './outbox.slot.js';

/** A pool (the normal case), or one client, e.g. to append inside the caller's open transaction. */
export type Queryable = pg.Pool | pg.ClientBase;

export interface PostgresEventStoreOptions {
  /** The Kafka topic of an event type; defaults to the contracts' registry. */
  topicFor?: (type: string) => string;
  /** Whether a type gets an outbox row (is published); defaults to the contracts' `integration` flag (ADR 012). */
  publishes?: (type: string) => boolean;
  upcasters?: Upcasters;
  clock?: () => Date;
  /** Seals personal data on append and opens it on read (ADR 010); none = data stored as given. */
  codec?: EventPayloadCodec;
}

/**
 * The store's own retry, kept only for races that leave the caller's expectation true: an
 * 'any' / 'stream_exists' append that lost its versions to another writer, or an id conflict
 * that vanished before it could be looked at. Each round some writer wins, so N racing writers
 * need < N. A conflict on an exact expected version is never retried here: that is a decision
 * made on stale state, re-run by CommandSessions under the one retry policy (ADR 013).
 */
const MAX_RETRIES = 100;

const UNIQUE_VIOLATION = '23505';
const IN_FAILED_TRANSACTION = '25P02';
const STREAM_VERSION_KEY = 'es_events_stream_version_key';

/**
 * An event store on PostgreSQL (tables in ./schema.ts). Appends are one prepared statement
 * in one round trip that writes the events and the outbox rows of the integration events among them atomically.
 *
 * Idempotency: an append whose events are ALL already stored — same ids, same stream, in the
 * same order at consecutive versions — is a replay of an earlier successful append (e.g. a
 * retry after a lost reply). It succeeds whatever the expected version, writes nothing, and
 * returns the original versions and positions with `idempotentReplay: true`. Any other
 * overlap with stored ids (some ids, another stream, another order) writes nothing and
 * throws DuplicateEventIdError. Ids are only looked up on the failure path.
 *
 * Given a client inside an open transaction, the append joins that transaction. A unique
 * violation then aborts it (PostgreSQL's rule), so the store cannot look anything up: it
 * reports a WrongExpectedVersionError with `actual` -1 (unknown) or a DuplicateEventIdError
 * naming the whole batch, and the caller rolls back.
 */
export class PostgresEventStore {
  /** The outbox topic of a type, null for an internal event (stored, never published). */
  private readonly topicFor: (type: string) => string | null;
  private readonly upcasters: Upcasters;
  private readonly clock: () => Date;
  private readonly codec?: EventPayloadCodec;

  constructor(
    private readonly db: Queryable,
    options: PostgresEventStoreOptions = {},
  ) {
    const topicFor = options.topicFor ?? topicForEventType;
    const publishes = options.publishes ?? isIntegrationEvent;
    this.topicFor = (type) => (publishes(type) ? topicFor(type) : null);
    this.upcasters = options.upcasters ?? {};
    this.clock = options.clock ?? (() => new Date());
    this.codec = options.codec;
  }

  async append(streamId: string, given: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const { exact, mustExist } = parseExpected(expected);
    if (given.length === 0) return this.appendNothing(streamId, expected, exact, mustExist);
    const events = this.codec ? await this.codec.encode(given) : given;

    const { eventIds, query } = buildAppendQuery(streamId, events, exact, mustExist, this.topicFor, this.clock());
    const idsGiven = events.some((e) => e.id !== undefined);

    for (let attempt = 1; ; attempt++) {
      let rows: { current: number; global_position: string | null }[];
      try {
        rows = (await this.db.query(query)).rows;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const racedOnVersion = (error as { constraint?: string }).constraint === STREAM_VERSION_KEY;
        const replay = await this.replayOf(streamId, eventIds).catch((lookupError: unknown) => {
          if (errorCode(lookupError) !== IN_FAILED_TRANSACTION) throw lookupError;
          throw racedOnVersion
            ? new WrongExpectedVersionError(streamId, expected, -1)
            : new DuplicateEventIdError(streamId, eventIds);
        });
        if (replay) return replay;
        // Retry when the expectation may still hold: 'any' / 'stream_exists' lost versions to
        // another writer, or an id conflict vanished before we could look at it.
        if (attempt < MAX_RETRIES && (exact === null || !racedOnVersion)) continue;
        throw new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
      }
      const current = Number(rows[0]!.current);
      if (rows[0]!.global_position === null) {
        // The expectation did not hold, so nothing was written — unless this is a replay.
        const replay = idsGiven ? await this.replayOf(streamId, eventIds) : null;
        if (replay) return replay;
        throw new WrongExpectedVersionError(streamId, expected, current);
      }
      return {
        nextExpectedVersion: current + events.length,
        positions: rows.map((r) => r.global_position!),
        eventIds,
        idempotentReplay: false,
      };
    }
  }

  async readStream(streamId: string, opts: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    const { rows } = await this.db.query<EventRow>({ ...READ_STREAM, values: [streamId, opts.fromVersion ?? 1] });
    return this.decoded(rows.map((r) => this.toStored(r)));
  }

  /**
   * Events in commit-safe global order after the checkpoint `after` (exclusive; default: from
   * the start). Resume from `last` or any event's `checkpoint`; nothing is ever skipped. See
   * READ_ALL. Events of one stream come in version order as long as each append is its
   * transaction's first write (always true through a pool). The horizon is server-wide: a
   * long transaction in ANY database of the server holds readers back until it ends.
   */
  async readAll(opts: { after?: string; limit?: number } = {}): Promise<ReadAllResult> {
    const after = opts.after ?? START_CHECKPOINT;
    const [txId, position] = parseCheckpoint(after);
    const { rows } = await this.db.query<EventRow>({ ...READ_ALL, values: [txId, position, opts.limit ?? 1000] });
    const events = await this.decoded(rows.map((r) => this.toStored(r)));
    return { events, last: events.length > 0 ? events[events.length - 1]!.checkpoint : after };
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.db.query<{ v: number }>({ ...STREAM_VERSION, values: [streamId] });
    return Number(rows[0]!.v);
  }

  private async appendNothing(
    streamId: string,
    expected: ExpectedVersion,
    exact: number | null,
    mustExist: boolean,
  ): Promise<AppendResult> {
    const current = await this.streamVersion(streamId);
    if ((exact !== null && current !== exact) || (mustExist && current === 0)) {
      throw new WrongExpectedVersionError(streamId, expected, current);
    }
    return { nextExpectedVersion: current, positions: [], eventIds: [], idempotentReplay: false };
  }

  /** The result of the earlier append these ids came from, or null when none of them is stored. */
  private async replayOf(streamId: string, eventIds: string[]): Promise<AppendResult | null> {
    const { rows } = await this.db.query<{ id: string; stream_id: string; version: number; global_position: string }>({
      ...FIND_EVENT_IDS,
      values: [eventIds],
    });
    if (rows.length === 0) return null;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const stored = eventIds.map((id) => byId.get(id));
    const first = stored[0];
    const isReplay =
      first !== undefined &&
      stored.every((r, i) => r !== undefined && r.stream_id === streamId && r.version === first.version + i);
    if (!isReplay) throw new DuplicateEventIdError(streamId, rows.map((r) => r.id));
    return {
      nextExpectedVersion: first.version + eventIds.length - 1,
      positions: stored.map((r) => r!.global_position),
      eventIds,
      idempotentReplay: true,
    };
  }

  private decoded(events: StoredEvent[]): Promise<StoredEvent[]> | StoredEvent[] {
    return this.codec && events.length > 0 ? this.codec.decode(events) : events;
  }

  private toStored(r: EventRow): StoredEvent {
    const { schemaVersion, data } = upcast(this.upcasters, r.type, r.schema_version, r.data);
    return {
      id: r.event_id,
      type: r.type,
      streamId: r.stream_id,
      version: r.version,
      occurredAt: r.occurred_at.toISOString(),
      schemaVersion,
      metadata: r.metadata,
      data,
      globalPosition: r.global_position,
      checkpoint: `${r.tx_id}:${r.global_position}`,
    };
  }
}

function parseCheckpoint(checkpoint: string): [string, string] {
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new RangeError(`not a readAll checkpoint: "${checkpoint}" (expected "<tx id>:<position>")`);
  return [match[1]!, match[2]!];
}

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

const isUniqueViolation = (error: unknown): boolean => errorCode(error) === UNIQUE_VIOLATION;
