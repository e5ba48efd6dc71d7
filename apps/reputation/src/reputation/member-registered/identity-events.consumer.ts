import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, TOPIC_SPECS } from '@payforward/contracts';
import { ConsumerRunner, deadLetterTopicSpec, ensureTopics } from '@payforward/messaging';
import { LOGGER, PG_POOL, type ServiceConfig } from '@payforward/platform';
import type pg from 'pg';
import type { Logger } from 'pino';
import { projectIdentityEvent } from './member-registered.projection.js';

export const REPUTATION_SETTINGS = Symbol('REPUTATION_SETTINGS');

export interface ReputationSettings {
  config: ServiceConfig;
  /** The consumer group; versioned so a projection rewrite can start a fresh group from the beginning. */
  groupId: string;
  /** The topic of identity's member events; specs give a unique one so runs never share a topic. */
  identityTopic: string;
}

/**
 * Consumes `identity.member.v1` as group `reputation.v1` and projects it (ConsumerRunner:
 * envelope validation, dead letters, processed-event ids in the read model's transaction).
 * Topics are ensured first: the broker does not auto-create them.
 */
@Injectable()
export class IdentityEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: ConsumerRunner;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(REPUTATION_SETTINGS) private readonly settings: ReputationSettings,
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const { config, groupId } = settings;
    this.runner = new ConsumerRunner({
      groupId,
      topics: [settings.identityTopic],
      kafka: { brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-consumer` },
      logger: logger.child({ component: 'consumer', groupId }),
      pool,
      handler: (envelope, tx) => projectIdentityEvent(envelope, tx),
    });
  }

  /**
   * Joins in the background, so the service starts (and reports not-ready) while the broker is
   * away; topics are ensured first, retried with backoff until the broker answers.
   */
  onApplicationBootstrap() {
    this.starting = this.ensureTopicsThenStart();
  }

  private async ensureTopicsThenStart(): Promise<void> {
    const { config, groupId, identityTopic } = this.settings;
    const specs = [...TOPIC_SPECS, deadLetterTopicSpec(groupId)];
    if (!specs.some((s) => s.name === identityTopic)) specs.push({ name: identityTopic, partitions: 1 });
    for (let delayMs = 500; !this.stopping; delayMs = Math.min(delayMs * 2, 5_000)) {
      try {
        const created = await ensureTopics(config.kafka.brokers, specs, { clientId: `${config.kafka.clientId}-admin`, logger: this.logger });
        if (created.length > 0) this.logger.info({ created, deadLetterTopic: deadLetterTopic(groupId) }, 'topics created');
        await this.runner.start();
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

  stats() {
    return this.runner.stats();
  }
}
