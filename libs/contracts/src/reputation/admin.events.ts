import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { TOPICS } from '../topics.js';

/**
 * The reputation service's own event-sourced stream: admin review decisions. Admin actions
 * are rare, so they share one stream (`reputation-admin`), which also orders them. Each
 * carries who decided, when and why, and the projection reads them back like any input, so a
 * rebuild replays them too.
 */
export const REPUTATION_ADMIN_STREAM_ID = 'reputation-admin';

/** A note or reason is mandatory: the audit trail and the member's ledger show it. */
const statement = z.string().trim().min(1).max(1000);
const at = z.iso.datetime();

export const flagResolutionData = z.object({
  flagId: z.uuid(),
  /** The members the flag names, so they can be told it was resolved; absent on decisions recorded before it was carried. */
  memberIds: z.array(z.uuid()).min(1).max(100).optional(),
  adminId: z.uuid(),
  note: statement,
  at,
});
export const reputationAdjustedData = z.object({
  memberId: z.uuid(),
  /** Non-zero, positive or negative. */
  points: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .refine((points) => points !== 0, 'an adjustment of 0 points changes nothing'),
  reason: statement,
  adminId: z.uuid(),
  at,
});

export type FlagResolutionEventData = z.infer<typeof flagResolutionData>;
export type ReputationAdjustedEventData = z.infer<typeof reputationAdjustedData>;

export const ReputationAdminEventTypes = {
  FlagDismissed: 'FlagDismissed',
  FlagReversed: 'FlagReversed',
  ReputationAdjusted: 'ReputationAdjusted',
} as const;

export type FlagDismissedEvent = DomainEvent<'FlagDismissed', FlagResolutionEventData>;
export type FlagReversedEvent = DomainEvent<'FlagReversed', FlagResolutionEventData>;
export type ReputationAdjustedEvent = DomainEvent<'ReputationAdjusted', ReputationAdjustedEventData>;
export type ReputationAdminEventContract = FlagDismissedEvent | FlagReversedEvent | ReputationAdjustedEvent;

const onTopic = (schema: z.ZodType) => ({ topic: TOPICS.reputationAdmin, schemaVersion: 1, integration: true, schema }) as const;

export const reputationAdminEventCatalog = {
  [ReputationAdminEventTypes.FlagDismissed]: onTopic(flagResolutionData),
  [ReputationAdminEventTypes.FlagReversed]: onTopic(flagResolutionData),
  [ReputationAdminEventTypes.ReputationAdjusted]: onTopic(reputationAdjustedData),
};
