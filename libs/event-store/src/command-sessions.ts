import type pg from 'pg';
import type { EventMetadata } from '@payforward/contracts';
import { CommandSession, type InlineProjector } from './command-session.js';
import { WriteConflictError, WrongExpectedVersionError } from './event-store.errors.js';
import type { PostgresEventStoreOptions } from './postgres.event-store.js';
import { DEFAULT_RETRY_POLICY, RetriesExhausted, withRetries, type RetryPolicy } from './retry.policy.js';

const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';

/** A version conflict, or a deadlock / serialization failure between two attempts' row locks: run the attempt again. */
export const isWriteConflict = (error: unknown): boolean => {
  if (error instanceof WrongExpectedVersionError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === DEADLOCK || code === SERIALIZATION_FAILURE;
};

export interface CommandSessionsOptions {
  retry?: RetryPolicy;
  /** Topic registry, personal-data codec, upcasters of the service's store. */
  store?: Omit<PostgresEventStoreOptions, 'clock'>;
  /** The service's inline read model (none: the service projects from its topics). */
  projector?: InlineProjector;
  /** The time each attempt decides at; specs pass a manual clock. */
  clock?: () => Date;
  /** Told when a command gives up (the API answer carries no internals). */
  onGiveUp?: (info: { attempts: number; elapsedMs: number; error: unknown }) => void;
}

/**
 * The one write pipeline (ADR 013). `run` opens a transaction, gives `work` a CommandSession
 * (load, decide, append with expected versions, project inline), sends the session's NOTIFYs
 * with the commit and runs its after-commit hooks. A version conflict (or deadlock) anywhere in
 * the attempt rolls it all back and runs it again under the retry policy; when the policy's
 * bounds are spent the caller gets WriteConflictError (API code CONFLICT).
 */
export class CommandSessions {
  readonly retry: RetryPolicy;
  private readonly clock: () => Date;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: CommandSessionsOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.clock = options.clock ?? (() => new Date());
  }

  async run<T>(metadata: EventMetadata, work: (session: CommandSession) => Promise<T>, overrides: Partial<RetryPolicy> = {}): Promise<T> {
    try {
      return await withRetries({ ...this.retry, ...overrides }, isWriteConflict, () => this.attempt(metadata, work));
    } catch (error) {
      if (!(error instanceof RetriesExhausted)) throw error;
      this.options.onGiveUp?.({ attempts: error.attempts, elapsedMs: error.elapsedMs, error: error.cause });
      throw new WriteConflictError(error.attempts, error.cause);
    }
  }

  private async attempt<T>(metadata: EventMetadata, work: (session: CommandSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    let session: CommandSession;
    let result: T;
    try {
      await client.query('BEGIN');
      session = new CommandSession(client, this.clock(), metadata, { store: this.options.store ?? {}, projector: this.options.projector });
      result = await work(session);
      // NOTIFY is delivered only if this transaction commits: listeners never see a write that rolled back.
      await session.flushNotifications();
      await client.query('COMMIT');
    } catch (error) {
      // A client whose ROLLBACK failed is in an unknown state: destroy it rather than reuse it.
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
    session.runAfterCommit();
    return result;
  }
}
