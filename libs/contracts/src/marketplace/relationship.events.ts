import { z } from 'zod';
import type { DomainEvent } from '../envelope.js';
import { sealable } from '../personal-data.js';
import { TOPICS } from '../topics.js';

/** One attestation stream per (mentor, seeker) pair: `worked-together-<mentorId>-<seekerId>`. */
export const workedTogetherStreamId = (mentorId: string, seekerId: string): string => `worked-together-${mentorId}-${seekerId}`;

/** The members a mentor blocked from requesting their help: `blocks-<mentorId>`. */
export const blockListStreamId = (mentorId: string): string => `blocks-${mentorId}`;

export const workedTogetherAttestedData = z.object({
  mentorId: z.uuid(),
  seekerId: z.uuid(),
  /** What they worked on together, in the mentor's words: sealed with the mentor's key. */
  context: sealable(z.string().min(10).max(500)),
  attestedAt: z.iso.datetime(),
});
export type WorkedTogetherAttestedData = z.infer<typeof workedTogetherAttestedData>;

export const workedTogetherConfirmedData = z.object({
  mentorId: z.uuid(),
  seekerId: z.uuid(),
  confirmedAt: z.iso.datetime(),
});
export type WorkedTogetherConfirmedData = z.infer<typeof workedTogetherConfirmedData>;

export const seekerBlockedData = z.object({ mentorId: z.uuid(), seekerId: z.uuid(), blockedAt: z.iso.datetime() });
export type SeekerBlockedData = z.infer<typeof seekerBlockedData>;

export const RelationshipEventTypes = {
  WorkedTogetherAttested: 'WorkedTogetherAttested',
  WorkedTogetherConfirmed: 'WorkedTogetherConfirmed',
  SeekerBlocked: 'SeekerBlocked',
} as const;

export type WorkedTogetherAttested = DomainEvent<'WorkedTogetherAttested', WorkedTogetherAttestedData>;
export type WorkedTogetherConfirmed = DomainEvent<'WorkedTogetherConfirmed', WorkedTogetherConfirmedData>;
export type WorkedTogetherEvent = WorkedTogetherAttested | WorkedTogetherConfirmed;
export type SeekerBlocked = DomainEvent<'SeekerBlocked', SeekerBlockedData>;
export type BlockListEvent = SeekerBlocked;
export type RelationshipEvent = WorkedTogetherEvent | BlockListEvent;

export const relationshipEventCatalog = {
  [RelationshipEventTypes.WorkedTogetherAttested]: { topic: TOPICS.marketplaceRelationship, schemaVersion: 1, integration: true, schema: workedTogetherAttestedData },
  [RelationshipEventTypes.WorkedTogetherConfirmed]: { topic: TOPICS.marketplaceRelationship, schemaVersion: 1, integration: true, schema: workedTogetherConfirmedData },
  [RelationshipEventTypes.SeekerBlocked]: { topic: TOPICS.marketplaceRelationship, schemaVersion: 1, integration: true, schema: seekerBlockedData },
} as const;
