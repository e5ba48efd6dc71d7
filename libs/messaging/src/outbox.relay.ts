import { OUTBOX_CHANNEL, OUTBOX_SLOTS, OUTBOX_TABLE } from '@payforward/event-store';
import type pg from 'pg';
import { createKafkaClient, type KafkaSettings } from './kafka.client.js';
import { defaultMessagingLogger, errorFields, type MessagingLogger } from './messaging.logger.js';
import { Backoff, delay } from './backoff.util.js';
import { OutboxPublisher } from './outbox.publisher.js';
import { OutboxSession, type OutboxRow } from './outbox.session.js';
import { OutboxWakeUp } from './outbox.wakeup.js';

export interface OutboxRelayOptions {
  /** The service's database: a connection string or pg client config (PG* env vars fill the gaps). */
  database: string | pg.ClientConfig;
  kafka: KafkaSettings;
  /** Rows per Kafka request (default 500). */
  batchSize?: number;
  /** Sleep between polls when the outbox is empty (default 100 ms); a notification on OUTBOX_CHANNEL ends it early. */
  pollIntervalMs?: number;
  /** LISTEN on the event store's OUTBOX_CHANNEL to publish right after each append's commit (default true); false = poll only. */
  wakeUp?: boolean;
  /** How often instances re-share the slots (default 2 s): also how fast a dead instance's slots are taken over. */
  rebalanceIntervalMs?: number;
  /** Upper bound of the retry backoff after a failure (default 5 s). */
  maxBackoffMs?: number;
  /** A send that has not been acknowledged by then counts as failed (default 30 s). */
  sendTimeoutMs?: number;
  logger?: MessagingLogger;
  /** Test-only: runs when a batch is acknowledged and not yet marked, the window a crash re-sends (crash spec). */
  afterSend?: (rows: readonly OutboxRow[]) => Promise<void>;
}

/**
 * Publishes the event store's outbox to Kafka (see OutboxPublisher for the message shape).
 * At least once and in order per stream:
 *
 * - rows are read per owned slot in position order (OutboxSession) and sent as one batch by
 *   an idempotent producer with one request in flight (OutboxPublisher);
 * - rows are marked published only after the broker acknowledged the whole batch; a crash in
 *   between re-sends them later (consumers dedupe by event id);
 * - a failed send is retried with the SAME batch: the idempotent producer's sequence numbers
 *   were spent on it, and different messages under a spent sequence could be dropped by the
 *   broker as "duplicates". A batch is only abandoned together with its producer;
 * - reads, marks and slot leases share one dedicated session, so a successful mark proves the
 *   leases were held the whole time; a lost session drops the batch and the leases together;
 * - pipelined: while the broker takes batch k, the session marks batch k-1 and reads k+1, so
 *   the database work hides behind the network round trip. Slots are re-shared only when the
 *   pipeline is empty, never under a batch in flight.
 */
export class OutboxRelay {
  private readonly logger: MessagingLogger;
  private readonly publisher: OutboxPublisher;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly rebalanceIntervalMs: number;
  private readonly slots: number;
  private readonly table: string;
  private readonly maxBackoffMs: number;
  private wakeUp?: OutboxWakeUp;

  private session?: OutboxSession;
  private connecting?: Promise<OutboxSession>;
  /** The next batch to send: freshly read, prefetched, or one whose send failed (retried unchanged). */
  private toSend?: OutboxRow[];
  /** Acknowledged by the broker, not yet marked. */
  private unmarked?: OutboxRow[];
  private nextRebalanceAt = 0;
  private published = 0;
  private loop?: Promise<void>;
  private abort = new AbortController();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? defaultMessagingLogger();
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.rebalanceIntervalMs = options.rebalanceIntervalMs ?? 2_000;
    this.slots = OUTBOX_SLOTS;
    this.table = OUTBOX_TABLE;
    this.publisher = new OutboxPublisher(createKafkaClient({ ...options.kafka, logger: this.logger }), options.sendTimeoutMs ?? 30_000);
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  /** Starts publishing in the background until stop(); failures are logged and retried, never thrown. */
  start(): Promise<void> {
    if (this.loop) return Promise.resolve();
    this.abort = new AbortController();
    if (this.options.wakeUp !== false) {
      this.wakeUp = new OutboxWakeUp(this.options.database, OUTBOX_CHANNEL, this.logger, this.maxBackoffMs);
      this.wakeUp.start();
    }
    this.loop = this.run();
    return Promise.resolve();
  }

  /** Finishes the batch in flight, then releases the slots and disconnects. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.loop = undefined;
    await this.wakeUp?.stop();
    this.wakeUp = undefined;
    await this.serialized(async () => {
      // What the broker acknowledged is marked, so a restart does not re-send it.
      if (this.session && !this.session.broken) await this.markAcknowledged(this.session).catch(() => undefined);
      await this.closeSession();
      await this.publisher.close();
    });
  }

  /** Connects to PostgreSQL and Kafka and takes a share of the slots (start() and publishPending() do it on demand). */
  async connect(): Promise<void> {
    await this.serialized(async () => {
      const session = await this.ensureSession();
      await this.publisher.connect();
      if (!this.toSend && !this.unmarked) await this.rebalance(session);
    });
  }

  /** Publishes until the owned slots have no pending rows; returns how many rows it published. Throws on failure. */
  async publishPending(): Promise<number> {
    return this.serialized(async () => {
      let total = 0;
      this.nextRebalanceAt = 0;
      for (let n = await this.step(); n > 0; n = await this.step()) total += n;
      return total;
    });
  }

  /** Outbox rows not yet published, in every slot: the relay's lag. */
  async pendingCount(): Promise<number> {
    return (await this.ensureSession()).pending();
  }

  /** The slots this instance currently leases. */
  ownedSlots(): readonly number[] {
    return this.session?.owned() ?? [];
  }

  /** Rows this instance has published (acknowledged and marked) since it was created. */
  publishedCount(): number {
    return this.published;
  }

  private async run(): Promise<void> {
    const backoff = new Backoff(100, this.maxBackoffMs);
    while (!this.abort.signal.aborted) {
      try {
        this.wakeUp?.clear(); // the read below sees whatever was notified so far
        const n = await this.serialized(() => this.step());
        backoff.reset();
        if (n === 0) await (this.wakeUp ? this.wakeUp.wait(this.pollIntervalMs, this.abort.signal) : delay(this.pollIntervalMs, this.abort.signal));
      } catch (error) {
        const waitMs = backoff.next();
        this.logger.warn({ ...errorFields(error), retryInMs: waitMs, pendingBatch: this.toSend?.length ?? 0 }, 'outbox relay: publish failed, retrying');
        await delay(waitMs, this.abort.signal);
      }
    }
  }

  /** Sends one batch (and, alongside, marks the previous one and reads the next). Returns rows sent. */
  private async step(): Promise<number> {
    const session = await this.ensureSession();
    await this.publisher.connect();
    const rebalanceDue = Date.now() >= this.nextRebalanceAt;
    if (!this.toSend) {
      await this.markAcknowledged(session);
      if (rebalanceDue) await this.rebalance(session);
      const rows = await session.read(this.batchSize);
      if (rows.length === 0) return 0;
      this.toSend = rows;
    } else if (this.publisher.failing) {
      await session.ping(); // a retry: the leases must still stand
    }
    const batch = this.toSend;
    const [sent, next] = await Promise.allSettled([
      this.publisher.send(batch),
      (async () => {
        await this.markAcknowledged(session);
        // No prefetch when slots are about to be re-shared: the pipeline drains first.
        return rebalanceDue ? [] : session.read(this.batchSize, batch);
      })(),
    ]);
    if (sent.status === 'rejected') throw sent.reason; // toSend stays; a prefetch is dropped
    this.unmarked = batch;
    this.toSend = next.status === 'fulfilled' && next.value.length > 0 ? next.value : undefined;
    if (next.status === 'rejected') throw next.reason;
    await this.options.afterSend?.(batch);
    return batch.length;
  }

  private async markAcknowledged(session: OutboxSession): Promise<void> {
    if (!this.unmarked) return;
    await session.mark(this.unmarked);
    this.published += this.unmarked.length;
    this.unmarked = undefined;
  }

  private async rebalance(session: OutboxSession): Promise<void> {
    if (await session.rebalance()) this.logger.info({ slots: session.owned() }, 'outbox relay: slot leases changed');
    this.nextRebalanceAt = Date.now() + this.rebalanceIntervalMs;
  }

  private async ensureSession(): Promise<OutboxSession> {
    if (this.session && !this.session.broken) return this.session;
    if (this.session) await this.closeSession();
    this.connecting ??= OutboxSession.open(this.options.database, { slots: this.slots, table: this.table, logger: this.logger })
      .then((session) => {
        this.session = session;
        this.nextRebalanceAt = 0;
        return session;
      })
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /**
   * Ends the session (its slot locks go with it) and forgets the batches read under it: they
   * are re-read, and re-sent, once slots are leased again. A batch whose send failed takes its
   * producer along (its sequence numbers are spent).
   */
  private async closeSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (!session) return;
    await session.close();
    this.unmarked = undefined;
    if (this.toSend) {
      this.toSend = undefined;
      await this.publisher.abandon();
    }
  }

  /** Runs `fn` after every earlier call finished: the loop, publishPending and stop share one session. */
  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
