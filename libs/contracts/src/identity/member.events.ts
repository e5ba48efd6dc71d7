import { z } from 'zod';
import { TOPICS } from '../topics.js';

/** Streams of the member aggregate are named `member-<memberId>`. */
export const memberStreamId = (memberId: string): string => `member-${memberId}`;

export const memberRegisteredData = z.object({
  memberId: z.uuid(),
  email: z.email(),
  displayName: z.string().min(1).max(80),
  headline: z.string().max(160).nullable(),
  timezone: z.string().min(1),
  roles: z.array(z.enum(['MEMBER', 'ADMIN'])).min(1),
});
export type MemberRegisteredData = z.infer<typeof memberRegisteredData>;

export const IdentityEventTypes = {
  MemberRegistered: 'MemberRegistered',
} as const;

export type MemberRegistered = { type: typeof IdentityEventTypes.MemberRegistered; data: MemberRegisteredData };
export type IdentityEvent = MemberRegistered;

export const identityEventCatalog = {
  [IdentityEventTypes.MemberRegistered]: { topic: TOPICS.identityMember, schemaVersion: 1, schema: memberRegisteredData },
} as const;
