import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, ServiceOutboxRelay } from '@payforward/platform';
import type { Logger } from 'pino';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from '../shared/marketplace.settings.js';

/** Publishes the marketplace's outbox to Kafka from inside the service. */
@Injectable()
export class OutboxRelayService extends ServiceOutboxRelay {
  constructor(@Inject(MARKETPLACE_SETTINGS) { config }: MarketplaceSettings, @Inject(LOGGER) logger: Logger) {
    super(config, logger);
  }
}
