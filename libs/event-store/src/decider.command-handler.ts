import type { DomainEvent, EventMetadata } from '@payforward/contracts';
import { fold, type Decider } from '@payforward/ddd';
import { WrongExpectedVersionError } from './event-store.errors.js';
import type { PostgresEventStore } from './postgres.event-store.js';

export interface HandleCommandResult<S, E> {
  /** The events this command appended (empty when the decision was to do nothing). */
  events: E[];
  /** The state after those events. */
  state: S;
  nextExpectedVersion: number;
}

/**
 * Aggregates the stream, decides, and appends with the version it read. When another writer
 * moved the stream in between, it re-reads and decides again (the decision may now differ or
 * throw), at most `retries` more times, then rethrows the WrongExpectedVersionError: a conflict
 * is retried or reported, never merged blindly.
 */
export async function handleCommand<S, C, E extends DomainEvent>(
  store: PostgresEventStore,
  streamId: string,
  decider: Decider<S, C, E>,
  command: C,
  metadata: EventMetadata,
  { retries = 3 }: { retries?: number } = {},
): Promise<HandleCommandResult<S, E>> {
  for (let attempt = 0; ; attempt++) {
    const stored = await store.readStream(streamId);
    const version = stored.length > 0 ? stored[stored.length - 1]!.version : 0;
    // Stored events carry the envelope's extra fields; evolve only needs type and data.
    const state = fold(decider, stored as unknown as E[]);
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, nextExpectedVersion: version };
    try {
      const result = await store.append(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata })),
        version,
      );
      return { events, state: events.reduce(decider.evolve, state), nextExpectedVersion: result.nextExpectedVersion };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= retries) throw error;
    }
  }
}
