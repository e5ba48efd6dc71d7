import type pg from 'pg';
import { validateEnvelope, type EventEnvelope } from '@payforward/contracts';
import { Backoff, delay } from './backoff.util.js';
import { errorFields, type MessagingLogger } from './messaging.logger.js';
import { isTransientError } from './transient.errors.js';

/** Where a message came from, for handlers that want it (most do not). */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
}

/**
 * Applies one event to the read model. `tx` is inside the transaction that also records the
 * event as processed: write through it, never through another connection, or redelivery
 * would apply the change twice.
 */
export type EnvelopeHandler = (envelope: EventEnvelope, tx: pg.PoolClient, message: ConsumedMessage) => Promise<void>;

/** One new (never processed) event of a batch, with where it came from. */
export interface BatchItem {
  envelope: EventEnvelope;
  message: ConsumedMessage;
}

/**
 * Applies the new events of a batch at once (in the batch's order), inside the transaction
 * that records all of their ids as processed. Throwing rolls the whole batch back; the runner
 * then applies it one message at a time (retries, dead letters) through the EnvelopeHandler.
 */
export type EnvelopeBatchHandler = (items: BatchItem[], tx: pg.PoolClient) => Promise<void>;

export interface RawMessage extends ConsumedMessage {
  rawKey: Buffer | null;
  value: Buffer | null;
}

export interface ProcessControl {
  heartbeat(): Promise<void>;
  /** True once the runner stops or the partition was taken away: give up without committing. */
  shouldAbort(): boolean;
  signal: AbortSignal;
}

export type Outcome = 'processed' | 'duplicate' | 'dead-lettered' | 'aborted';

export interface ProcessorOptions {
  groupId: string;
  pool: pg.Pool;
  handler: EnvelopeHandler;
  table: string;
  maxHandlerAttempts: number;
  backoff: { initialMs: number; maxMs: number };
  logger: MessagingLogger;
  /** Produces the message to the group's dead-letter topic; throws if the broker did not take it. */
  deadLetter(message: RawMessage, reason: string): Promise<void>;
  onTransientRetry(): void;
}

/**
 * One message, start to finish: parse and validate (invalid → dead letter), then in ONE
 * transaction record (group, event id) in processed_events and run the handler; a
 * redelivered event finds its row and skips the handler. Transient failures are retried
 * until they pass or the runner stops; other handler failures go to the dead-letter topic
 * after `maxHandlerAttempts`. Only a returned outcome other than 'aborted' lets the runner
 * move the offset past the message.
 */
export class EnvelopeProcessor {
  private readonly insertProcessed: string;

  private readonly claimMany: string;

  constructor(private readonly options: ProcessorOptions) {
    this.insertProcessed = `INSERT INTO ${options.table} (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`;
    this.claimMany = `INSERT INTO ${options.table} (consumer_group, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id`;
  }

  /**
   * A whole batch in one transaction: every message valid, ids claimed with one statement, the
   * new ones handed to `handler`. Returns null (nothing committed) when the batch must go the
   * per-message way instead: an invalid message (it is dead-lettered there) or any failure.
   */
  async processBatch(messages: readonly RawMessage[], handler: EnvelopeBatchHandler): Promise<{ processed: number; duplicates: number } | null> {
    const items: BatchItem[] = [];
    for (const message of messages) {
      const check = parse(message.value);
      if (!check.ok) return null;
      const { rawKey: _k, value: _v, ...context } = message;
      items.push({ envelope: check.envelope, message: context });
    }
    try {
      return await this.inTransaction(async (client) => {
        const ids = [...new Set(items.map((i) => i.envelope.id))];
        const claimed = await client.query<{ event_id: string }>({ name: 'pf_consumer_claim_many_v1', text: this.claimMany, values: [this.options.groupId, ids] });
        const fresh = new Set(claimed.rows.map((r) => r.event_id.toLowerCase()));
        // The first copy of a new id is applied; a copy later in the same batch is a duplicate.
        const news = items.filter((i) => fresh.delete(i.envelope.id.toLowerCase()));
        if (news.length > 0) await handler(news, client);
        return { processed: news.length, duplicates: items.length - news.length };
      });
    } catch (error) {
      this.options.logger.warn({ ...errorFields(error), messages: messages.length, topic: messages[0]?.topic }, 'consumer: batch failed, applying it one message at a time');
      return null;
    }
  }

  async process(message: RawMessage, control: ProcessControl): Promise<Outcome> {
    const check = parse(message.value);
    if (!check.ok) return this.deadLetter(message, check.reason, control);

    const backoff = new Backoff(this.options.backoff.initialMs, this.options.backoff.maxMs);
    let failures = 0;
    for (;;) {
      if (control.shouldAbort()) return 'aborted';
      try {
        return await this.applyOnce(check.envelope, message);
      } catch (error) {
        const fields = { ...errorFields(error), eventId: check.envelope.id, type: check.envelope.type, topic: message.topic, offset: message.offset };
        if (isTransientError(error)) {
          this.options.onTransientRetry();
          this.options.logger.warn(fields, 'consumer: transient failure, retrying');
        } else if (++failures >= this.options.maxHandlerAttempts) {
          this.options.logger.error({ ...fields, attempts: failures }, 'consumer: handler keeps failing, dead-lettering the event');
          return this.deadLetter(message, `handler failed ${failures} times: ${(error as Error).message ?? String(error)}`, control);
        } else {
          this.options.logger.warn({ ...fields, attempt: failures }, 'consumer: handler failed, retrying');
        }
        // A long outage must not cost the group membership: heartbeats keep the partition ours.
        await control.heartbeat();
        await delay(backoff.next(), control.signal);
      }
    }
  }

  private async applyOnce(envelope: EventEnvelope, message: RawMessage): Promise<'processed' | 'duplicate'> {
    return this.inTransaction(async (client) => {
      const claimed = await client.query({ name: 'pf_consumer_claim_v1', text: this.insertProcessed, values: [this.options.groupId, envelope.id] });
      if (claimed.rowCount === 0) return 'duplicate';
      const { rawKey: _k, value: _v, ...context } = message;
      await this.options.handler(envelope, client, context);
      return 'processed';
    });
  }

  /** Runs `work` in a transaction, committed unless it throws ('duplicate' rolls back: nothing was written). */
  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.options.pool.connect();
    let failed: unknown;
    // A checked-out client has no listener of the pool's: a connection dying between two
    // queries would otherwise be an unhandled 'error' event, i.e. a crashed process.
    const onError = (error: Error) => (failed ??= error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query(result === 'duplicate' ? 'ROLLBACK' : 'COMMIT');
      return result;
    } catch (error) {
      failed = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.removeListener('error', onError);
      // A connection that failed mid-transaction is not trusted again: the pool opens a new one.
      client.release(failed instanceof Error ? failed : undefined);
    }
  }

  /** Dead-lettering must not lose the message either: a broker that is away is waited for. */
  private async deadLetter(message: RawMessage, reason: string, control: ProcessControl): Promise<Outcome> {
    const backoff = new Backoff(this.options.backoff.initialMs, this.options.backoff.maxMs);
    for (;;) {
      if (control.shouldAbort()) return 'aborted';
      try {
        await this.options.deadLetter(message, reason);
        return 'dead-lettered';
      } catch (error) {
        this.options.logger.warn({ ...errorFields(error), topic: message.topic, offset: message.offset }, 'consumer: dead-letter produce failed, retrying');
        await control.heartbeat();
        await delay(backoff.next(), control.signal);
      }
    }
  }
}

function parse(value: Buffer | null): { ok: true; envelope: EventEnvelope } | { ok: false; reason: string } {
  if (value === null || value.length === 0) return { ok: false, reason: 'empty message' };
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `unparseable JSON: ${(error as Error).message}` };
  }
  return validateEnvelope(raw);
}
