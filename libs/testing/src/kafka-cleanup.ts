import kafkajs from 'kafkajs';
import { kafkaBrokers } from './env.js';

/**
 * Deletes the topics and consumer groups a spec created for itself (unique names per run),
 * so runs do not pile them up on the shared broker. Missing ones are ignored.
 */
export async function deleteKafkaResources({ topics = [], groups = [] }: { topics?: string[]; groups?: string[] }): Promise<void> {
  const admin = new kafkajs.Kafka({ clientId: 'spec-cleanup', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existingTopics = new Set(await admin.listTopics());
    const deleteTopics = topics.filter((t) => existingTopics.has(t));
    if (deleteTopics.length > 0) await admin.deleteTopics({ topics: deleteTopics, timeout: 10_000 });
    const existingGroups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    const deleteGroups = groups.filter((g) => existingGroups.has(g));
    // A group still holding members cannot be deleted; callers stop their consumers first.
    if (deleteGroups.length > 0) await admin.deleteGroups(deleteGroups);
  } finally {
    await admin.disconnect();
  }
}
