import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { OutboxRelay } from '@payforward/messaging';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service.config.js';

/**
 * Runs the outbox relay for a service's own database inside the service process, so appended
 * events reach Kafka with no other process to operate (key = stream id: one stream's events
 * stay in order). Several instances share the outbox slots between them (see OutboxRelay).
 */
export class ServiceOutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(config: ServiceConfig, logger: Logger) {
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
