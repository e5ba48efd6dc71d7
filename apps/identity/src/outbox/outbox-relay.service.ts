import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { OutboxRelay } from '@payforward/messaging';
import { LOGGER, type ServiceConfig } from '@payforward/platform';
import type { Logger } from 'pino';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/**
 * Runs the outbox relay for identity's database inside the service process: events appended
 * by register reach Kafka without another process to operate. Several identity instances
 * share the outbox slots between them (see OutboxRelay).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, @Inject(LOGGER) logger: Logger) {
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
