import { Inject, Injectable } from '@nestjs/common';
import { applyBlockingEvent, LOGGER, PG_POOL, ServiceConsumer } from '@payforward/platform';
import type pg from 'pg';
import type { Logger } from 'pino';
import { REPUTATION_SETTINGS, type ReputationSettings } from '../reputation.settings.js';
import { ReputationProjection } from './reputation.projection.js';

/**
 * Consumes identity's member events, the marketplace's help-request events and the service's
 * own admin decisions as one group (`reputation.v1`) into the projection, whose writes share
 * the transaction that records each event id as processed (a fetched batch at once, in one
 * transaction); identity's suspensions and reinstatements also update `blocked_members`
 * (whose tokens this service refuses).
 */
@Injectable()
export class ReputationConsumer extends ServiceConsumer {
  constructor(
    @Inject(REPUTATION_SETTINGS) { config, groupId, topics }: ReputationSettings,
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(LOGGER) logger: Logger,
    projection: ReputationProjection,
  ) {
    super({
      config,
      pool,
      logger,
      groupId,
      topics: [topics.identity, topics.helpRequest, topics.admin],
      component: 'projection',
      handler: async (envelope, tx, message) => {
        await projection.apply(envelope, tx, message.topic);
        // Suspensions also stop the member's tokens here (blocked_members), in the same transaction.
        if (message.topic === topics.identity) await applyBlockingEvent(tx, envelope);
      },
      // Catch-up and bursts: a fetched batch in one transaction and one ledger pass; the same rows as one by one.
      batchHandler: async (items, tx) => {
        await projection.applyBatch(items.map(({ envelope, message }) => ({ envelope, topic: message.topic })), tx);
        for (const { envelope, message } of items) if (message.topic === topics.identity) await applyBlockingEvent(tx, envelope);
      },
    });
  }
}
