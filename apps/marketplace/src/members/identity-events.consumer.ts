import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { IdentityEventTypes, type EventEnvelope, type MemberRegisteredData } from '@payforward/contracts';
import { LOGGER, PG_POOL, ServiceConsumer } from '@payforward/platform';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from '../shared/marketplace.settings.js';
import { recordMember } from './members.read-model.js';

/** Identity's MemberRegistered → `members` (the rest of identity's events do not concern the marketplace). */
export async function projectIdentityEvent(envelope: EventEnvelope, tx: pg.ClientBase): Promise<void> {
  if (envelope.type !== IdentityEventTypes.MemberRegistered) return;
  await recordMember(tx, envelope.data as MemberRegisteredData, envelope.occurredAt);
}

/**
 * Ensures the topics the marketplace produces to (ServiceConsumer ensures every registered
 * topic), then consumes `identity.member.v1` as its own group into `members`.
 */
@Injectable()
export class IdentityEventsConsumer extends ServiceConsumer {
  constructor(@Inject(MARKETPLACE_SETTINGS) settings: MarketplaceSettings, @Inject(PG_POOL) pool: pg.Pool, @Inject(LOGGER) logger: Logger) {
    super({
      config: settings.config,
      pool,
      logger,
      groupId: settings.membersGroupId,
      topics: [settings.identityTopic],
      component: 'members',
      consume: settings.consumeIdentity,
      handler: (envelope, tx) => projectIdentityEvent(envelope, tx),
    });
  }
}
