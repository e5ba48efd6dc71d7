import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, ServiceOutboxRelay } from '@payforward/platform';
import type { Logger } from 'pino';
import { REPUTATION_SETTINGS, type ReputationSettings } from '../reputation.settings.js';

/** Publishes the admin stream's outbox (`reputation-admin` → `reputation.admin.v1`) from inside the service. */
@Injectable()
export class AdminOutboxRelay extends ServiceOutboxRelay {
  constructor(@Inject(REPUTATION_SETTINGS) { config }: ReputationSettings, @Inject(LOGGER) logger: Logger) {
    super(config, logger);
  }
}
