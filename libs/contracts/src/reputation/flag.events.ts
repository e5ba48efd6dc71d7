import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { TOPICS } from '../topics.js';

/**
 * The review queue's arrivals: the reputation projection raises anti-gaming flags while it folds
 * the marketplace's facts, and announces each new one once, on a stream of its own
 * (`reputation-flag-<flagId>`, the flag id being stable across replays), so admins can be told.
 * No personal data: ids, the kind and the time only.
 */
export const reputationFlagStreamId = (flagId: string): string => `reputation-flag-${flagId}`;

export const flagRaisedData = z.object({
  flagId: z.uuid(),
  kind: z.enum(['RECIPROCAL_PAIR', 'BURST']),
  /** The members the flag names (its subject first). */
  memberIds: z.array(z.uuid()).min(1).max(100),
  raisedAt: z.iso.datetime(),
});
export type FlagRaisedEventData = z.infer<typeof flagRaisedData>;

export const ReputationFlagEventTypes = { FlagRaised: 'FlagRaised' } as const;
export type FlagRaisedEvent = DomainEvent<'FlagRaised', FlagRaisedEventData>;

export const reputationFlagEventCatalog = {
  [ReputationFlagEventTypes.FlagRaised]: { topic: TOPICS.reputationFlags, schemaVersion: 1, integration: true, schema: flagRaisedData },
} as const;
