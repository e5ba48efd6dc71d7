import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { OutboxRelay } from '@payforward/messaging';
import { LOGGER } from '@payforward/platform';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from '../shared/marketplace.settings.js';

/**
 * Runs the outbox relay for the marketplace's database inside the service process, like
 * identity's: every appended event reaches its topic (key = stream id, so one stream's events
 * stay in order). Several instances share the outbox slots between them (see OutboxRelay).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@Inject(MARKETPLACE_SETTINGS) { config }: MarketplaceSettings, @Inject(LOGGER) logger: Logger) {
    this.relay = new OutboxRelay({
      database: config.database,
      kafka: { brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-relay` },
      logger: logger.child({ component: 'outbox-relay' }),
    });
  }

  onApplicationBootstrap() {
    return this.relay.start();
  }

  // Before the pool closes (DatabaseModule ends it in onApplicationShutdown): work in hand finishes first.
  beforeApplicationShutdown() {
    return this.relay.stop();
  }

  pending(): Promise<number> {
    return this.relay.pendingCount();
  }
}
