import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { IdentityEventTypes, type EventEnvelope, type MemberErasedData, type MemberProfileUpdatedData, type MemberRegisteredData } from '@payforward/contracts';
import { applyBlockingEvent, LOGGER, PersonalDataCodec, PG_POOL, ServiceConsumer } from '@payforward/platform';
import { scrubErasedMember } from './erasure.scrub.js';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from '../shared/marketplace.settings.js';
import { recordMember, updateMemberProfile } from './members.read-model.js';

/**
 * Identity's events → `members` (registration, profile updates: names and default time zones)
 * and `blocked_members` (suspensions and reinstatements: whose tokens this service refuses).
 */
export async function projectIdentityEvent(envelope: EventEnvelope, tx: pg.ClientBase): Promise<void> {
  if (envelope.type === IdentityEventTypes.MemberRegistered) {
    await recordMember(tx, envelope.data as MemberRegisteredData, envelope.occurredAt);
  } else if (envelope.type === IdentityEventTypes.MemberProfileUpdated) {
    await updateMemberProfile(tx, envelope.data as MemberProfileUpdatedData);
  } else if (envelope.type === IdentityEventTypes.MemberErased) {
    const { memberId, erasedAt } = envelope.data as MemberErasedData;
    await scrubErasedMember(tx, memberId, erasedAt);
  }
  await applyBlockingEvent(tx, envelope);
}

/**
 * Ensures the topics the marketplace produces to (ServiceConsumer ensures every registered
 * topic), then consumes `identity.member.v1` as its own group into `members`.
 */
@Injectable()
export class IdentityEventsConsumer extends ServiceConsumer {
  constructor(
    @Inject(MARKETPLACE_SETTINGS) settings: MarketplaceSettings,
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(LOGGER) logger: Logger,
    personalData: PersonalDataCodec,
  ) {
    super({
      config: settings.config,
      pool,
      logger,
      groupId: settings.membersGroupId,
      topics: [settings.identityTopic],
      component: 'members',
      consume: settings.consumeIdentity,
      handler: async (envelope, tx) => {
        // Names arrive sealed (ADR 010); an erased member's never open again, here or in a replay.
        if (envelope.type === IdentityEventTypes.MemberErased) personalData.keys.forget((envelope.data as MemberErasedData).memberId);
        await projectIdentityEvent(await personalData.unsealEvent(envelope), tx);
      },
    });
  }
}
