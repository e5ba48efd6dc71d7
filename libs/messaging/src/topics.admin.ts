import { deadLetterTopic, type TopicSpec } from '@payforward/contracts';
import { createKafkaClient } from './kafka.client.js';
import type { MessagingLogger } from './messaging.logger.js';

export interface EnsureTopicsOptions {
  clientId?: string;
  logger?: MessagingLogger;
  /** Replication factor of created topics; -1 = the broker's default (1 on the dev broker). */
  replicationFactor?: number;
}

/** The dead-letter topic of a consumer group: one partition, since it is read rarely and by people. */
export const deadLetterTopicSpec = (groupId: string): TopicSpec => ({ name: deadLetterTopic(groupId), partitions: 1 });

/**
 * Creates the topics that do not exist yet and waits until they have leaders. Idempotent and
 * safe to race with another service doing the same (auto-create is off on the broker, so each
 * service ensures what it produces to, and each consumer group its dead-letter topic).
 * An existing topic is left as it is; a partition count that differs is logged, not changed,
 * because adding partitions would move streams to other partitions and break their order.
 *
 * Returns the names of the topics it created.
 */
export async function ensureTopics(
  brokers: readonly string[],
  specs: readonly TopicSpec[],
  options: EnsureTopicsOptions = {},
): Promise<string[]> {
  const admin = createKafkaClient({ brokers, clientId: options.clientId ?? 'topics-admin', logger: options.logger }).admin();
  await admin.connect();
  try {
    const wanted = new Map(specs.map((s) => [s.name, s]));
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted.values()].filter((s) => !existing.has(s.name));
    if (missing.length > 0) {
      // Returns false when another process created them first (TOPIC_ALREADY_EXISTS for all).
      await admin.createTopics({
        waitForLeaders: true,
        timeout: 10_000,
        topics: missing.map((s) => ({ topic: s.name, numPartitions: s.partitions, replicationFactor: options.replicationFactor ?? -1 })),
      });
    }
    const present = [...wanted.keys()].filter((n) => existing.has(n));
    if (present.length > 0 && options.logger) {
      const { topics } = await admin.fetchTopicMetadata({ topics: present });
      for (const t of topics) {
        const want = wanted.get(t.name)!.partitions;
        if (t.partitions.length !== want) {
          options.logger.warn({ topic: t.name, partitions: t.partitions.length, wanted: want }, 'topic exists with another partition count; left unchanged');
        }
      }
    }
    return missing.map((s) => s.name);
  } finally {
    await admin.disconnect();
  }
}
