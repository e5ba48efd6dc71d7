import kafkajs, { type Kafka, type LogEntry, type logCreator } from 'kafkajs';
import { defaultMessagingLogger, type MessagingLogger } from './messaging.logger.js';

const { Kafka: KafkaClient, logLevel } = kafkajs;

/** What every Kafka-facing part of this lib needs to know. */
export interface KafkaSettings {
  /** `host:port` list, e.g. from `KAFKA_BROKERS=127.0.0.1:9092`. */
  brokers: readonly string[];
  clientId: string;
  logger?: MessagingLogger;
}

/** The brokers from `KAFKA_BROKERS` (comma-separated), or the dev broker of infra/kafka. */
export const kafkaBrokersFromEnv = (env: NodeJS.ProcessEnv = process.env): string[] =>
  (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);

/**
 * A kafkajs client tuned for a broker that may restart under us: short connection timeouts
 * so an absent broker fails fast, bounded request timeouts (kafkajs issue #1163: a request
 * may otherwise wait on a dead connection), and modest internal retries, because the relay
 * and the consumer runner retry without limit on top, with their own backoff.
 *
 * The returned client is kafkajs's; the rest of the codebase should prefer OutboxRelay,
 * ConsumerRunner, ensureTopics and kafkaHealth, which keep kafkajs types out of their APIs.
 */
export function createKafkaClient(settings: KafkaSettings): Kafka {
  const logger = settings.logger ?? defaultMessagingLogger();
  return new KafkaClient({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    connectionTimeout: 3_000,
    authenticationTimeout: 3_000,
    requestTimeout: 15_000,
    enforceRequestTimeout: true,
    retry: { initialRetryTime: 200, maxRetryTime: 3_000, retries: 5, factor: 0.2, multiplier: 2 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
  });
}

/**
 * Routes kafkajs's logs into ours. kafkajs logs every refused connection as an ERROR while a
 * broker restarts; the components above it recover and log the outcome themselves, so its
 * errors are warnings here.
 */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _ts, logger: _l, ...extra } = log as { message: string; timestamp?: string; logger?: string };
      const fields = { kafkajs: namespace, ...extra };
      // Said once per idempotent producer; the relay retries a failed batch unchanged, which is what keeps EoS.
      if (message.startsWith('Limiting retries for the idempotent producer')) return logger.debug(fields, `kafkajs: ${message}`);
      if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(fields, `kafkajs: ${message}`);
      else if (level === logLevel.INFO) logger.info(fields, `kafkajs: ${message}`);
      else logger.debug(fields, `kafkajs: ${message}`);
    };
}
