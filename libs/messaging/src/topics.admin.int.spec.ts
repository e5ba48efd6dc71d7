import { jest } from '@jest/globals';
import { kafkaBrokers, uniqueSuffix } from '@payforward/testing';
import { createKafkaClient, ensureTopics } from './index.js';
import { testLogger } from './testing/messaging.fixtures.js';

jest.setTimeout(90_000);

const suffix = uniqueSuffix();
const kafka = createKafkaClient({ brokers: kafkaBrokers(), clientId: `test-topics-${suffix}`, logger: testLogger() });

describe('ensureTopics', () => {
  // A CI run failed when the broker answered UNKNOWN_TOPIC_OR_PARTITION right after creating a topic.
  it('given topics that do not exist, when three callers race to ensure them, then all resolve and every partition has a leader at once', async () => {
    const specs = Array.from({ length: 12 }, (_, i) => ({ name: `test.topics.race${i}.${suffix}.v1`, partitions: 3 }));

    const created = await Promise.all([0, 1, 2].map(() => ensureTopics(kafkaBrokers(), specs)));

    expect(new Set(created.flat())).toEqual(new Set(specs.map((s) => s.name)));
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.name) });
      expect(topics.map((t) => t.partitions.filter((p) => p.leader >= 0).length)).toEqual(specs.map(() => 3));
    } finally {
      await admin.disconnect();
    }
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      const sent = await producer.sendBatch({
        acks: -1,
        topicMessages: specs.map((s) => ({ topic: s.name, messages: [0, 1, 2].map((partition) => ({ partition, value: 'x' })) })),
      });
      expect(sent).toHaveLength(specs.length * 3);
    } finally {
      await producer.disconnect();
    }
  });

  it('given topics that exist, when ensured again, then nothing is created', async () => {
    const spec = { name: `test.topics.again.${suffix}.v1`, partitions: 2 };
    expect(await ensureTopics(kafkaBrokers(), [spec])).toEqual([spec.name]);

    expect(await ensureTopics(kafkaBrokers(), [spec])).toEqual([]);
  });
});
