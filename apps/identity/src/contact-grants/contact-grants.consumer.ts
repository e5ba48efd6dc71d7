import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { TOPIC_SPECS, TOPICS } from '@payforward/contracts';
import { ConsumerRunner, deadLetterTopicSpec, ensureTopics } from '@payforward/messaging';
import { LOGGER, PG_POOL, type ServiceConfig } from '@payforward/platform';
import type pg from 'pg';
import type { Logger } from 'pino';
import { SERVICE_CONFIG } from '../outbox/outbox-relay.service.js';
import { projectContactGrants } from './contact-grants.projection.js';

export const CONTACT_GRANTS_SETTINGS = Symbol('CONTACT_GRANTS_SETTINGS');

export interface ContactGrantsSettings {
  /** Versioned, so a rewrite of the projection can start a fresh group from the topic's start. */
  groupId: string;
  /** The marketplace's help-request topic; specs give a unique one so runs never share it. */
  topic: string;
}

export const DEFAULT_CONTACT_GRANTS: ContactGrantsSettings = {
  groupId: 'identity.contact-grants.v1',
  topic: TOPICS.marketplaceHelpRequest,
};

/**
 * Consumes the marketplace's help-request events and keeps `contact_grants` (ConsumerRunner:
 * envelope validation, dead letters, processed-event id in the grant's transaction). The topic
 * may not exist yet when identity starts before the marketplace: it is ensured first, because
 * the broker does not auto-create topics.
 */
@Injectable()
export class ContactGrantsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: ConsumerRunner;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(CONTACT_GRANTS_SETTINGS) private readonly settings: ContactGrantsSettings,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.runner = new ConsumerRunner({
      groupId: settings.groupId,
      topics: [settings.topic],
      kafka: { brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-contact-grants` },
      logger: logger.child({ component: 'contact-grants-consumer', groupId: settings.groupId }),
      pool,
      handler: (envelope, tx) => projectContactGrants(envelope, tx),
    });
  }

  /** In the background: the service starts (and reports not-ready) while the broker is away. */
  onApplicationBootstrap() {
    this.starting = this.ensureTopicsThenStart();
  }

  private async ensureTopicsThenStart(): Promise<void> {
    const { groupId, topic } = this.settings;
    const specs = [...TOPIC_SPECS, deadLetterTopicSpec(groupId)];
    if (!specs.some((s) => s.name === topic)) specs.push({ name: topic, partitions: 1 });
    const clientId = `${this.config.kafka.clientId}-admin`;
    for (let delayMs = 500; !this.stopping; delayMs = Math.min(delayMs * 2, 5_000)) {
      try {
        const created = await ensureTopics(this.config.kafka.brokers, specs, { clientId, logger: this.logger });
        if (created.length > 0) this.logger.info({ created }, 'topics created');
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
