import type pg from 'pg';
import type { Consumer, Kafka } from 'kafkajs';
import type { KafkaSettings } from './kafka.client.js';
import type { MessagingLogger } from './messaging.logger.js';
import type { EnvelopeBatchHandler, EnvelopeHandler } from './envelope.processor.js';

export interface ConsumerRunnerOptions {
  groupId: string;
  topics: readonly string[];
  kafka: KafkaSettings;
  /** The consuming service's database (read models + processed_events). */
  pool: pg.Pool;
  handler: EnvelopeHandler;
  /**
   * Opt-in: applies a fetched batch's new events in one transaction (ids claimed with one
   * statement). A batch with an invalid message, or whose handler throws, is rolled back and
   * goes through `handler` one message at a time (retries and dead letters as usual).
   */
  batchHandler?: EnvelopeBatchHandler;
  /** Where a group without committed offsets starts (default: the beginning, so read models see all history). */
  fromBeginning?: boolean;
  /** Failed runs of the handler (non-transient errors) before the event is dead-lettered (default 3). */
  maxHandlerAttempts?: number;
  /** Retry backoff bounds (default 100 ms doubling to 5 s). */
  retryBackoffMs?: { initialMs: number; maxMs: number };
  /** No fetch for this long (outside a handler) = a stuck consumer, recreated (default 30 s). */
  stallTimeoutMs?: number;
  /** Group session timeout (default 15 s): how long a vanished member holds its partitions. */
  sessionTimeoutMs?: number;
  processedEventsTable?: string;
  logger?: MessagingLogger;
}

/** A batch handler's transaction covers at most this many messages (heartbeats and commits in between). */
export const MAX_BATCH_MESSAGES = 500;

export interface ConsumerStats {
  processed: number;
  duplicates: number;
  deadLettered: number;
  transientRetries: number;
  /** Consumers recreated by the watchdog after a crash or a stall. */
  restarts: number;
}

/** The kafkajs consumer a runner drives: its group settings, and restarts left to the runner's watchdog. */
export function newKafkaConsumer(kafka: Kafka, options: ConsumerRunnerOptions): Consumer {
  return kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 15_000,
    rebalanceTimeout: 20_000,
    heartbeatInterval: 1_500,
    maxWaitTimeInMs: 1_000,
    allowAutoTopicCreation: false,
    // kafkajs would restart a crashed consumer by itself, racing our watchdog: a consumer we
    // replaced could come back as a zombie member holding partitions. One owner: the watchdog.
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 3_000, restartOnFailure: async () => false },
  });
}
