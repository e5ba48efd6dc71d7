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

  constructor(private readonly options: ProcessorOptions) {
    this.insertProcessed = `INSERT INTO ${options.table} (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`;
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
    const client = await this.options.pool.connect();
    let failed: unknown;
    // A checked-out client has no listener of the pool's: a connection dying between two
    // queries would otherwise be an unhandled 'error' event, i.e. a crashed process.
    const onError = (error: Error) => (failed ??= error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const claimed = await client.query({ name: 'pf_consumer_claim_v1', text: this.insertProcessed, values: [this.options.groupId, envelope.id] });
      if (claimed.rowCount === 0) {
        await client.query('ROLLBACK');
        return 'duplicate';
      }
      const { rawKey: _k, value: _v, ...context } = message;
      await this.options.handler(envelope, client, context);
      await client.query('COMMIT');
      return 'processed';
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
