import type pg from 'pg';
import type { DomainEvent, EventMetadata } from '@payforward/contracts';
import { fold, type Decider } from '@payforward/ddd';
import type { AppendResult } from './event-store.types.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres.event-store.js';

/** Where an appended event sits: what an inline projector needs beside the event itself. */
export interface AppendedMeta {
  streamId: string;
  version: number;
  occurredAt: Date;
  eventId: string;
}

/**
 * A service's read model, applied inside the transaction that appends the event, so the
 * events, their outbox rows and the read model commit together or not at all. It may ask the
 * session to notify listeners after commit (`session.notify`).
 */
export type InlineProjector = (session: CommandSession, event: DomainEvent, meta: AppendedMeta) => Promise<void>;

export interface CommandSessionOptions {
  store: PostgresEventStoreOptions;
  projector?: InlineProjector;
}

export interface Executed<S, E> {
  /** The events this command appended (empty when the decision was to do nothing). */
  events: E[];
  /** The state after those events. */
  state: S;
  nextExpectedVersion: number;
  /** Ids of the appended events, in order. */
  eventIds: string[];
}

/**
 * One attempt of a command: a transaction on one pooled client, the time of the attempt and
 * the metadata every event gets. Streams are loaded, decided and appended here with the
 * version read; a stream that moved meanwhile fails the append, the transaction rolls back and
 * CommandSessions runs the attempt again from the start. Handlers gather the facts a decision
 * needs through `tx` (read-model functions), then execute.
 */
export class CommandSession {
  private readonly store: PostgresEventStore;
  private readonly notifications = new Map<string, Set<string>>();
  private readonly committedHooks: (() => void)[] = [];

  constructor(
    readonly tx: pg.ClientBase,
    readonly now: Date,
    readonly metadata: EventMetadata,
    private readonly options: CommandSessionOptions,
  ) {
    this.store = new PostgresEventStore(tx, { ...options.store, clock: () => now });
  }

  /** The stream folded into its state, and the version to append after (0 = no stream yet). */
  async load<S, C, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>): Promise<{ state: S; version: number }> {
    const stored = await this.store.readStream(streamId);
    const version = stored.length > 0 ? stored[stored.length - 1]!.version : 0;
    // Stored events carry the envelope's extra fields; evolve only reads type and data.
    return { state: fold(decider, stored as unknown as E[]), version };
  }

  /** Appends events decided on the state read at `version` (events + outbox rows), then projects them inline. */
  async append<E extends DomainEvent>(streamId: string, version: number, events: readonly E[]): Promise<AppendResult> {
    if (events.length === 0) return { nextExpectedVersion: version, positions: [], eventIds: [], idempotentReplay: false };
    const result = await this.store.append(
      streamId,
      events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: this.metadata })),
      version,
    );
    const project = this.options.projector;
    if (project) {
      for (const [i, event] of events.entries()) {
        await project(this, event, { streamId, version: version + i + 1, occurredAt: this.now, eventId: result.eventIds[i]! });
      }
    }
    return result;
  }

  /** Load, decide, append: the whole command on one stream. */
  async execute<S, C, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>, command: C): Promise<Executed<S, E>> {
    const { state, version } = await this.load(streamId, decider);
    const events = decider.decide(command, state);
    const { nextExpectedVersion, eventIds } = await this.append(streamId, version, events);
    return { events, state: events.reduce(decider.evolve, state), nextExpectedVersion, eventIds };
  }

  /** A PostgreSQL NOTIFY sent with the commit (never for an attempt that rolls back); repeats collapse into one. */
  notify(channel: string, payload: string): void {
    const payloads = this.notifications.get(channel) ?? new Set<string>();
    payloads.add(payload);
    this.notifications.set(channel, payloads);
  }

  /** In-process work for after the commit (e.g. dropping a cached answer the write made stale). */
  afterCommit(hook: () => void): void {
    this.committedHooks.push(hook);
  }

  /** @internal CommandSessions calls this last inside the transaction. */
  async flushNotifications(): Promise<void> {
    for (const [channel, payloads] of this.notifications) {
      for (const payload of payloads) {
        await this.tx.query({ name: 'command-session-notify', text: 'SELECT pg_notify($1, $2)', values: [channel, payload] });
      }
    }
  }

  /** @internal CommandSessions calls this once the transaction committed. */
  runAfterCommit(): void {
    for (const hook of this.committedHooks) hook();
  }
}
