// @payforward/messaging: Kafka behind the project's own small interface.
export { createKafkaClient, kafkaBrokersFromEnv, kafkaLogCreator, type KafkaSettings } from './kafka.client.js';
export { ensureTopics, deadLetterTopicSpec, type EnsureTopicsOptions } from './topics.admin.js';
export { kafkaHealth, type KafkaHealth } from './kafka.health.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox.relay.js';
export { SLOT_LOCK_NAMESPACE, MEMBER_LOCK_NAMESPACE } from './outbox.session.js';
export { ConsumerRunner, type ConsumerRunnerOptions, type ConsumerStats } from './consumer.runner.js';
export { DEAD_LETTER_HEADERS } from './consumer.dead-letter.js';
export type { EnvelopeHandler, EnvelopeBatchHandler, BatchItem, ConsumedMessage } from './envelope.processor.js';
export {
  PROCESSED_EVENTS_TABLE,
  PROCESSED_EVENTS_SCHEMA_UP,
  PROCESSED_EVENTS_SCHEMA_DOWN,
  ProcessedEventsSchema1767225700000,
} from './processed-events.schema.js';
export { isTransientError, TransientError } from './transient.errors.js';
export { defaultMessagingLogger, type MessagingLogger } from './messaging.logger.js';
