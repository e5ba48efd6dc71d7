import type pg from 'pg';
import type { DomainEvent, EventMetadata, MarketplaceEvent } from '@payforward/contracts';
import { fold, type Decider } from '@payforward/ddd';
import { PostgresEventStore, type EventPayloadCodec } from '@payforward/event-store';
import { projectMarketplaceEvent } from './marketplace.projection.js';

/**
 * One attempt of a write: a transaction on one pooled client, the time of the attempt, and the
 * metadata every event gets. Streams are read, decided and appended here; each appended event
 * is projected into the read model through the same client, so the transaction commits the
 * events, their outbox rows and the read model together — or none of them.
 *
 * Appends carry the version read: a stream that moved meanwhile fails the append, the whole
 * transaction rolls back and MarketplaceWriter runs the attempt again from the start.
 */
export class WriteSession {
  private readonly store: PostgresEventStore;
  /** Mentors whose dashboard changed in this transaction (notified on commit). */
  readonly mentorsToNotify = new Set<string>();

  constructor(
    readonly tx: pg.PoolClient,
    readonly now: Date,
    private readonly metadata: EventMetadata,
    topicFor: (type: string) => string,
    /** Seals what members wrote with their keys on append, opens it on read (ADR 010). */
    codec?: EventPayloadCodec,
  ) {
    this.store = new PostgresEventStore(tx, { clock: () => now, topicFor, codec });
  }

  /** The stream folded into its state, and the version to append after. */
  async load<S, C, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>): Promise<{ state: S; version: number }> {
    const stored = await this.store.readStream(streamId);
    const version = stored.length > 0 ? stored[stored.length - 1]!.version : 0;
    // Stored events carry the envelope's extra fields; evolve only reads type and data.
    return { state: fold(decider, stored as unknown as E[]), version };
  }

  /** Appends events decided on the state read at `version`, then projects them. */
  async append<E extends DomainEvent>(streamId: string, version: number, events: E[]): Promise<E[]> {
    if (events.length === 0) return events;
    await this.store.append(
      streamId,
      events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: this.metadata })),
      version,
    );
    for (const [i, event] of events.entries()) {
      const mentorId = await projectMarketplaceEvent(this.tx, event as unknown as MarketplaceEvent, {
        streamId,
        version: version + i + 1,
        occurredAt: this.now,
      });
      if (mentorId) this.mentorsToNotify.add(mentorId);
    }
    return events;
  }

  /** Load, decide, append: the whole command on one stream. Returns the events and the state after them. */
  async execute<S, C, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>, command: C): Promise<{ events: E[]; state: S }> {
    const { state, version } = await this.load(streamId, decider);
    const events = decider.decide(command, state);
    await this.append(streamId, version, events);
    return { events, state: events.reduce(decider.evolve, state) };
  }
}
