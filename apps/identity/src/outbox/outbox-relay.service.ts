import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, ServiceOutboxRelay, type ServiceConfig } from '@payforward/platform';
import type { Logger } from 'pino';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** Publishes identity's outbox (events appended by register) to Kafka from inside the service. */
@Injectable()
export class OutboxRelayService extends ServiceOutboxRelay {
  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, @Inject(LOGGER) logger: Logger) {
    super(config, logger);
  }
}
