import kafkajs, { type Kafka, type Message, type Producer } from 'kafkajs';
import { withTimeout } from './backoff.util.js';
import type { OutboxRow } from './outbox.session.js';

const { Partitioners } = kafkajs;

/** Consecutive failed sends after which the producer is replaced (a fresh connection and producer id). */
const SENDS_BEFORE_NEW_PRODUCER = 3;

/**
 * The relay's Kafka side: one idempotent producer with one request in flight, so the broker
 * keeps each partition's order and drops the duplicates of kafkajs's own retries.
 *
 * A send that failed has spent its sequence numbers on messages the broker may or may not
 * have written. The caller must retry the SAME batch (the broker then recognises a duplicate)
 * or call `abandon()`: other messages under those sequence numbers could be dropped by the
 * broker as duplicates, i.e. lost.
 */
export class OutboxPublisher {
  private producer?: Producer;
  private failures = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly timeoutMs: number,
  ) {}

  /** Whether the last send failed (its batch must be retried unchanged or abandoned). */
  get failing(): boolean {
    return this.failures > 0;
  }

  async connect(): Promise<void> {
    if (this.producer) return;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    try {
      await withTimeout(producer.connect(), this.timeoutMs, 'producer connect');
    } catch (error) {
      void producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
  }

  /** Key = stream id, value = the envelope JSON as stored, headers event-type / event-id; acks from all replicas. */
  async send(rows: readonly OutboxRow[]): Promise<void> {
    await this.connect();
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.stream_id, value: row.payload, headers: { 'event-type': row.type ?? '', 'event-id': row.event_id } });
      byTopic.set(row.topic, messages);
    }
    try {
      await withTimeout(
        this.producer!.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) }),
        this.timeoutMs,
        'outbox batch send',
      );
      this.failures = 0;
    } catch (error) {
      // After a few failures, or a send that hangs (kafkajs #1163), start over with a fresh
      // producer (new producer id, so no sequence is reused); the caller keeps the batch.
      if (++this.failures >= SENDS_BEFORE_NEW_PRODUCER || (error as Error).name === 'TimeoutError') await this.close();
      throw error;
    }
  }

  /** The batch of a failed send will not be retried: its producer goes too. */
  async abandon(): Promise<void> {
    if (this.failures > 0) await this.close();
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.failures = 0;
    if (producer) await withTimeout(producer.disconnect(), 5_000, 'producer disconnect').catch(() => undefined);
  }
}
