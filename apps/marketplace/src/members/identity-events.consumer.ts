import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { IdentityEventTypes, TOPIC_SPECS, type EventEnvelope, type MemberRegisteredData } from '@payforward/contracts';
import { ConsumerRunner, deadLetterTopicSpec, ensureTopics } from '@payforward/messaging';
import { LOGGER, PG_POOL } from '@payforward/platform';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from '../shared/marketplace.settings.js';
import { recordMember } from './members.read-model.js';

/** Identity's MemberRegistered → `members` (the rest of identity's events do not concern the marketplace). */
export async function projectIdentityEvent(envelope: EventEnvelope, tx: pg.ClientBase): Promise<void> {
  if (envelope.type !== IdentityEventTypes.MemberRegistered) return;
  await recordMember(tx, envelope.data as MemberRegisteredData, envelope.occurredAt);
}

/**
 * Ensures the topics the marketplace produces to (the broker does not auto-create them), then
 * consumes `identity.member.v1` as its own group (ConsumerRunner: validation, dead letters,
 * processed-event ids in the read model's transaction). Runs in the background, retrying
 * until the broker answers, so the service starts — and reports not-ready — without it.
 */
@Injectable()
export class IdentityEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runner: ConsumerRunner;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(MARKETPLACE_SETTINGS) private readonly settings: MarketplaceSettings,
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const { config, membersGroupId: groupId, identityTopic } = settings;
    this.runner = new ConsumerRunner({
      groupId,
      topics: [identityTopic],
      kafka: { brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-consumer` },
      logger: logger.child({ component: 'consumer', groupId }),
      pool,
      handler: (envelope, tx) => projectIdentityEvent(envelope, tx),
    });
  }

  onApplicationBootstrap() {
    this.starting = this.ensureTopicsThenStart();
  }

  private async ensureTopicsThenStart(): Promise<void> {
    const { config, membersGroupId, identityTopic } = this.settings;
    const specs = [...TOPIC_SPECS, deadLetterTopicSpec(membersGroupId)];
    if (!specs.some((s) => s.name === identityTopic)) specs.push({ name: identityTopic, partitions: 1 });
    for (let delayMs = 500; !this.stopping; delayMs = Math.min(delayMs * 2, 5_000)) {
      try {
        const created = await ensureTopics(config.kafka.brokers, specs, { clientId: `${config.kafka.clientId}-admin`, logger: this.logger });
        if (created.length > 0) this.logger.info({ created }, 'topics created');
        if (this.settings.consumeIdentity) await this.runner.start();
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

  /** Resolves once the topics exist and the consumer has joined (or failed to, then retries in the background). */
  ready(): Promise<void> {
    return this.starting ?? Promise.resolve();
  }

  stats() {
    return this.runner.stats();
  }
}
