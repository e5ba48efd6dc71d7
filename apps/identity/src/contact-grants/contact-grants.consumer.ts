import { Inject, Injectable } from '@nestjs/common';
import { TOPICS } from '@payforward/contracts';
import { LOGGER, PG_POOL, ServiceConsumer, type ServiceConfig } from '@payforward/platform';
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
 * Consumes the marketplace's help-request events and keeps `contact_grants`, each grant in the
 * same transaction as its processed-event id. The topic may not exist yet when identity starts
 * before the marketplace: ServiceConsumer ensures it first.
 */
@Injectable()
export class ContactGrantsConsumer extends ServiceConsumer {
  constructor(
    @Inject(CONTACT_GRANTS_SETTINGS) settings: ContactGrantsSettings,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(LOGGER) logger: Logger,
  ) {
    super({
      config,
      pool,
      logger,
      groupId: settings.groupId,
      topics: [settings.topic],
      component: 'contact-grants',
      handler: (envelope, tx) => projectContactGrants(envelope, tx),
    });
  }
}
