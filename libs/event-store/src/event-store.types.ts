import type { EventEnvelope, EventMetadata } from '@payforward/contracts';

/**
 * What the writer believes about the stream before appending:
 * - a number: the stream's exact current version (0 = the stream has no events yet);
 * - `'no_stream'`: the stream must not exist (same as 0);
 * - `'stream_exists'`: the stream must have at least one event;
 * - `'any'`: no check; the events go after whatever is there.
 */
export type ExpectedVersion = number | 'no_stream' | 'any' | 'stream_exists';

export interface NewEvent {
  /** UUIDv7; generated when absent. Give one to make a retried append idempotent. */
  id?: string;
  type: string;
  data: Record<string, unknown>;
  /** Defaults to the contract's current schema version, or 1 for types without a contract. */
  schemaVersion?: number;
  metadata: EventMetadata;
  /** Defaults to the store's clock. */
  occurredAt?: Date;
}

/** An event as read back: the envelope (upcast to the newest schema version) plus where it is stored. */
export type StoredEvent = EventEnvelope & {
  /** int8 as a decimal string: JavaScript numbers lose precision past 2^53. Unique, but not commit order. */
  globalPosition: string;
  /** This event's place in readAll's commit-safe order: store it, pass it as `after` to resume. */
  checkpoint: string;
};

export interface AppendResult {
  /** The stream's version after the append: pass it as the expected version of the next append. */
  nextExpectedVersion: number;
  /** Global positions of the appended events, in order. */
  positions: string[];
  /** Event ids, in order (generated ones included). */
  eventIds: string[];
  /** True when every event was already stored by an earlier identical append, so nothing was written. */
  idempotentReplay: boolean;
}

export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** upcasters[type][v] turns data of schema version v into version v + 1; reads apply the chain to the end. */
export type Upcasters = Record<string, Record<number, Upcaster>>;

/** readAll's starting checkpoint: before every event. */
export const START_CHECKPOINT = '0:0';

export interface ReadAllResult {
  events: StoredEvent[];
  /** The checkpoint to pass as `after` next time: the last event's, or `after` when nothing was returned. */
  last: string;
}

/**
 * Transforms event data on its way in and out of the store, e.g. sealing personal fields with
 * the writer's key (libs/crypto-shredding, ADR 010): `encode` runs before an append (the event
 * rows, the outbox and so Kafka get its output), `decode` after every read.
 */
export interface EventPayloadCodec {
  encode<E extends { type: string; data: Record<string, unknown> }>(events: readonly E[]): Promise<E[]>;
  decode<E extends { type: string; data: Record<string, unknown> }>(events: readonly E[]): Promise<E[]>;
}
