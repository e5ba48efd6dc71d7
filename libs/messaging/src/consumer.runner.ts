import type { Admin, Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { deadLetterTopic } from '@payforward/contracts';
import { createKafkaClient } from './kafka.client.js';
import { defaultMessagingLogger, errorFields, type MessagingLogger } from './messaging.logger.js';
import { withTimeout } from './backoff.util.js';
import { deadLetterTopicSpec, ensureTopics } from './topics.admin.js';
import { EnvelopeProcessor, type RawMessage } from './envelope.processor.js';
import { PROCESSED_EVENTS_TABLE } from './processed-events.schema.js';
import { deadLetterMessage, toRawMessage } from './consumer.dead-letter.js';
import { groupLag } from './consumer.lag.js';
import { MAX_BATCH_MESSAGES, newKafkaConsumer, type ConsumerRunnerOptions, type ConsumerStats } from './consumer.options.js';

export type { ConsumerRunnerOptions, ConsumerStats } from './consumer.options.js';


/**
 * Runs a consumer group over topics, one message at a time per partition, through an
 * EnvelopeProcessor (validation, dead letters, idempotent transaction, retries); with a
 * `batchHandler`, a fetched batch is first tried as one transaction (falling back to the
 * per-message path for that batch when it cannot be applied whole).
 *
 * Offsets: kafkajs `eachBatch` with auto-resolve off. A message's offset is resolved only
 * after its transaction committed (or it was dead-lettered); kafkajs commits resolved offsets
 * after each batch, every second or 100 messages, and before a rebalance. A committed offset
 * therefore never passes an unapplied event, and what a crash replays is absorbed by
 * processed_events. eachBatch (over eachMessage) lets a long retry keep heartbeating and stop
 * mid-batch when the runner stops or the partition is revoked (isRunning / isStale).
 *
 * Recovery: a watchdog owns the consumer's life. When kafkajs reports a crash (its own restart
 * is switched off), or the consumer stops fetching outside a handler (kafkajs issues #1720,
 * #1163), it disconnects that consumer and creates a new one, retrying until the broker is back.
 */
export class ConsumerRunner {
  private readonly logger: MessagingLogger;
  private readonly kafka: Kafka;
  private readonly processor: EnvelopeProcessor;
  private readonly counters: ConsumerStats = { processed: 0, duplicates: 0, deadLettered: 0, transientRetries: 0, restarts: 0 };
  private readonly stallTimeoutMs: number;
  private consumer?: Consumer;
  private producer?: Producer;
  private admin?: Admin;
  private generation = 0;
  private activeBatches = 0;
  private lastProgressAt = 0;
  private needsRestart = false;
  private restarting?: Promise<void>;
  private watchdog?: NodeJS.Timeout;
  private stopping = false;
  private abort = new AbortController();
  private dlqReady = false;

  constructor(private readonly options: ConsumerRunnerOptions) {
    this.logger = options.logger ?? defaultMessagingLogger();
    this.kafka = createKafkaClient({ ...options.kafka, logger: this.logger });
    this.stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
    // An idle pooled connection that dies (a database restart) is reported on the pool; unheard,
    // that event would crash the process. The pool replaces the connection on the next checkout.
    options.pool.on('error', (error) => this.logger.warn(errorFields(error), 'consumer: idle database connection lost'));
    const backoff = options.retryBackoffMs ?? { initialMs: 100, maxMs: 5_000 };
    this.processor = new EnvelopeProcessor({
      groupId: options.groupId,
      pool: options.pool,
      handler: options.handler,
      table: options.processedEventsTable ?? PROCESSED_EVENTS_TABLE,
      maxHandlerAttempts: options.maxHandlerAttempts ?? 3,
      backoff,
      logger: this.logger,
      deadLetter: (message, reason) => this.deadLetter(message, reason),
      onTransientRetry: () => this.counters.transientRetries++,
    });
  }

  /** Joins the group and starts consuming. A broker that is not there yet is retried in the background. */
  async start(): Promise<void> {
    if (this.watchdog) return;
    this.stopping = false;
    this.abort = new AbortController();
    this.watchdog = setInterval(() => void this.checkHealth(), Math.max(500, Math.floor(this.stallTimeoutMs / 5)));
    this.watchdog.unref();
    try {
      await this.launch();
    } catch (error) {
      this.needsRestart = true;
      this.logger.warn({ ...errorFields(error), groupId: this.options.groupId }, 'consumer: start failed, retrying in the background');
    }
  }

  /** Lets the message in hand finish (a retry wait is cut short), commits, leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    await this.restarting;
    const quietly = (p: Promise<void> | undefined, what: string) =>
      p && withTimeout(p, 30_000, what).catch((error) => this.logger.warn(errorFields(error), `consumer: ${what} failed`));
    await quietly(this.consumer?.disconnect(), 'consumer disconnect');
    await quietly(this.producer?.disconnect(), 'producer disconnect');
    await quietly(this.admin?.disconnect(), 'admin disconnect');
    this.consumer = this.producer = this.admin = undefined;
  }

  stats(): ConsumerStats {
    return { ...this.counters };
  }

  /** Messages not yet committed by the group: sum over partitions of (high watermark − committed offset). */
  async lag(): Promise<number> {
    const admin = (this.admin ??= this.kafka.admin());
    try {
      await admin.connect();
      return await groupLag(admin, this.options.groupId, this.options.topics, this.options.fromBeginning ?? true);
    } catch (error) {
      this.admin = undefined;
      void admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async launch(): Promise<void> {
    if (!this.dlqReady) {
      await ensureTopics(this.options.kafka.brokers, [deadLetterTopicSpec(this.options.groupId)], { logger: this.logger });
      this.dlqReady = true;
    }
    if (!this.producer) {
      // Idempotent, so a send retried after a lost acknowledgement does not dead-letter a message twice.
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      this.producer = producer;
    }
    const generation = ++this.generation;
    const consumer = newKafkaConsumer(this.kafka, this.options);
    const { FETCH_START, START_BATCH_PROCESS, GROUP_JOIN, CRASH } = consumer.events;
    const progress = () => generation === this.generation && (this.lastProgressAt = Date.now());
    consumer.on(FETCH_START, progress);
    consumer.on(START_BATCH_PROCESS, progress);
    consumer.on(GROUP_JOIN, progress);
    consumer.on(CRASH, ({ payload }) => {
      if (generation !== this.generation) return;
      this.logger.warn({ ...errorFields(payload.error), groupId: this.options.groupId }, 'consumer: kafkajs consumer crashed');
      this.needsRestart = true;
      setTimeout(() => void this.checkHealth(), 500).unref();
    });
    this.consumer = consumer;
    this.lastProgressAt = Date.now();
    try {
      // Bounded, so a join that never completes cannot wedge the watchdog behind it.
      await withTimeout(
        (async () => {
          await consumer.connect();
          await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning ?? true });
          await consumer.run({
            autoCommit: true,
            autoCommitInterval: 1_000,
            autoCommitThreshold: 100,
            eachBatchAutoResolve: false,
            eachBatch: (payload) => this.eachBatch(payload, generation, consumer),
          });
        })(),
        60_000,
        'consumer start',
      );
    } catch (error) {
      void consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async eachBatch(payload: EachBatchPayload, generation: number, consumer: Consumer): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    if (generation !== this.generation) {
      // A replaced consumer still running: make sure it leaves (not awaited: it waits for this batch).
      void consumer.disconnect().catch(() => undefined);
      return;
    }
    const shouldAbort = () => this.stopping || generation !== this.generation || !isRunning() || isStale();
    this.activeBatches++;
    try {
      const { batchHandler } = this.options;
      for (let i = 0; i < batch.messages.length; i += MAX_BATCH_MESSAGES) {
        if (shouldAbort()) break;
        const messages = batch.messages.slice(i, i + MAX_BATCH_MESSAGES);
        const raw = messages.map((m) => toRawMessage(batch.topic, batch.partition, m));
        const applied = batchHandler && (await this.processor.processBatch(raw, batchHandler));
        if (applied) {
          this.counters.processed += applied.processed;
          this.counters.duplicates += applied.duplicates;
          resolveOffset(messages[messages.length - 1]!.offset);
          this.lastProgressAt = Date.now();
          await commitOffsetsIfNecessary();
          await heartbeat();
          continue;
        }
        for (const [j, message] of messages.entries()) {
          if (shouldAbort()) return;
          const outcome = await this.processor.process(raw[j]!, { heartbeat, shouldAbort, signal: this.abort.signal });
          if (outcome === 'aborted') return;
          this.count(outcome);
          resolveOffset(message.offset);
          this.lastProgressAt = Date.now();
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      }
    } finally {
      this.activeBatches--;
    }
  }

  private count(outcome: 'processed' | 'duplicate' | 'dead-lettered'): void {
    if (outcome === 'processed') this.counters.processed++;
    else if (outcome === 'duplicate') this.counters.duplicates++;
    else this.counters.deadLettered++;
  }

  private async deadLetter(message: RawMessage, reason: string): Promise<void> {
    if (!this.producer) throw new Error('dead-letter producer not connected');
    await this.producer.send({ topic: deadLetterTopic(this.options.groupId), acks: -1, messages: [deadLetterMessage(message, reason, this.options.groupId)] });
  }

  /** The watchdog: recreate the consumer after a crash, or when it stopped fetching. */
  private async checkHealth(): Promise<void> {
    if (this.stopping || this.restarting) return;
    const stalled = this.activeBatches === 0 && Date.now() - this.lastProgressAt > this.stallTimeoutMs;
    if (!this.needsRestart && !stalled) return;
    const reason = this.needsRestart ? 'crashed' : `no fetch for ${Date.now() - this.lastProgressAt} ms`;
    this.restarting = this.restart(reason).finally(() => (this.restarting = undefined));
  }

  private async restart(reason: string): Promise<void> {
    this.logger.warn({ groupId: this.options.groupId, reason }, 'consumer: recreating the kafkajs consumer');
    this.counters.restarts++;
    const old = this.consumer;
    this.consumer = undefined;
    this.generation++; // batches of the old consumer see it and give up
    this.needsRestart = false;
    if (old) await withTimeout(old.disconnect(), 15_000, 'stale consumer disconnect').catch(() => undefined);
    try {
      if (!this.stopping) await this.launch();
    } catch (error) {
      this.needsRestart = true;
      this.logger.warn({ ...errorFields(error), groupId: this.options.groupId }, 'consumer: recreate failed, will retry');
    } finally {
      this.lastProgressAt = Date.now();
    }
  }
}
