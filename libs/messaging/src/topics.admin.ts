import { deadLetterTopic, type TopicSpec } from '@payforward/contracts';
import type { Admin } from 'kafkajs';
import { createKafkaClient } from './kafka.client.js';
import type { MessagingLogger } from './messaging.logger.js';

export interface EnsureTopicsOptions {
  clientId?: string;
  logger?: MessagingLogger;
  /** Replication factor of created topics; -1 = the broker's default (1 on the dev broker). */
  replicationFactor?: number;
  /** How long to wait for new topics to get partition leaders before giving up. */
  leaderTimeoutMs?: number;
}

/** Errors a broker answers while a topic it just created is still being set up. */
const SETTLING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      const ready = meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready) return;
    } catch (err) {
      if (!SETTLING.has((err as { type?: string }).type ?? '')) throw err;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} got no partition leaders within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
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
      // kafkajs' own leader wait only tolerates LEADER_NOT_AVAILABLE, but a KRaft broker answers
      // UNKNOWN_TOPIC_OR_PARTITION for a moment after creating a topic (a CI run failed on it).
      await admin.createTopics({
        waitForLeaders: false,
        timeout: 10_000,
        topics: missing.map((s) => ({ topic: s.name, numPartitions: s.partitions, replicationFactor: options.replicationFactor ?? -1 })),
      });
    }
    // Also topics another process just created: they may not have leaders yet either.
    await waitForLeaders(admin, [...wanted.keys()], options.leaderTimeoutMs ?? 30_000);
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
