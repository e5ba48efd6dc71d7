import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { TOPIC_SPECS, type TopicSpec } from '@payforward/contracts';
import { ConsumerRunner, deadLetterTopicSpec, ensureTopics, type EnvelopeBatchHandler, type EnvelopeHandler } from '@payforward/messaging';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service.config.js';

export interface ServiceConsumerOptions {
  config: ServiceConfig;
  pool: pg.Pool;
  logger: Logger;
  /** Versioned, so a rewrite of the projection can start a fresh group from the topics' start. */
  groupId: string;
  topics: readonly string[];
  handler: EnvelopeHandler;
  /** Opt-in: a fetched batch in one transaction (see ConsumerRunnerOptions.batchHandler). */
  batchHandler?: EnvelopeBatchHandler;
  /** Names the consumer in logs and in its Kafka client id. */
  component: string;
  /** false: only ensure the topics (a service that produces but is told not to consume in a spec). */
  consume?: boolean;
}

/**
 * A service's consumer group as a Nest lifecycle: ensure every registered topic (and this
 * group's dead-letter topic) exists — the broker never auto-creates them — then run the
 * ConsumerRunner (envelope validation, dead letters, processed-event ids in the handler's
 * transaction). It starts in the background and retries until the broker answers, so the
 * service comes up (reporting not-ready) while Kafka is away.
 */
export class ServiceConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly runner: ConsumerRunner;
  protected readonly logger: Logger;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(private readonly options: ServiceConsumerOptions) {
    const { config, groupId, component } = options;
    this.logger = options.logger.child({ component, groupId });
    this.runner = new ConsumerRunner({
      groupId,
      topics: [...options.topics],
      kafka: { brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-${component}` },
      logger: this.logger,
      pool: options.pool,
      handler: options.handler,
      batchHandler: options.batchHandler,
    });
  }

  onApplicationBootstrap() {
    this.starting = this.ensureTopicsThenStart();
  }

  private async ensureTopicsThenStart(): Promise<void> {
    const { config, groupId, topics, consume = true } = this.options;
    const specs: TopicSpec[] = [...TOPIC_SPECS, deadLetterTopicSpec(groupId)];
    // Specs consume unique test topics; those are created here like the registered ones.
    for (const name of topics) if (!specs.some((s) => s.name === name)) specs.push({ name, partitions: 1 });
    for (let delayMs = 500; !this.stopping; delayMs = Math.min(delayMs * 2, 5_000)) {
      try {
        const created = await ensureTopics(config.kafka.brokers, specs, { clientId: `${config.kafka.clientId}-admin`, logger: this.logger });
        if (created.length > 0) this.logger.info({ created }, 'topics created');
        if (consume) await this.runner.start();
        return;
      } catch (error) {
        this.logger.warn({ err: error, retryInMs: delayMs }, 'could not ensure topics; retrying');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  // Before the pool closes (DatabaseModule ends it in onApplicationShutdown): work in hand finishes first.
  async beforeApplicationShutdown() {
    this.stopping = true;
    await this.starting;
    await this.runner.stop();
  }

  /** Resolves once the topics exist and the consumer has joined. */
  ready(): Promise<void> {
    return this.starting ?? Promise.resolve();
  }

  stats() {
    return this.runner.stats();
  }

  lag(): Promise<number> {
    return this.runner.lag();
  }
}
