import { z } from 'zod';
import { sealable } from '../personal-data.js';
import { TOPICS } from '../topics.js';

/** Streams of the member aggregate are named `member-<memberId>`. */
export const memberStreamId = (memberId: string): string => `member-${memberId}`;

/** The plaintext rule of an e-mail address (the domain checks it before the value is sealed). */
export const emailAddress = z.email();

/** email, displayName and headline travel sealed with the member's key (personal-data.ts). */
export const memberRegisteredData = z.object({
  memberId: z.uuid(),
  email: sealable(emailAddress),
  displayName: sealable(z.string().min(1).max(80)),
  headline: sealable(z.string().max(160)).nullable(),
  timezone: z.string().min(1),
  roles: z.array(z.enum(['MEMBER', 'ADMIN'])).min(1),
});
export type MemberRegisteredData = z.infer<typeof memberRegisteredData>;

/**
 * The profile after an update (every field, changed or not): consumers that keep a copy
 * (marketplace time zones, reputation names) upsert it without merging partial changes.
 */
export const memberProfileUpdatedData = memberRegisteredData.pick({ memberId: true, displayName: true, headline: true, timezone: true });
export type MemberProfileUpdatedData = z.infer<typeof memberProfileUpdatedData>;

const at = z.iso.datetime();

/** An admin granted the ADMIN role; the member's next token carries it (tokens are not re-issued). */
export const adminRoleGrantedData = z.object({ memberId: z.uuid(), role: z.literal('ADMIN'), adminId: z.uuid(), grantedAt: at });
export type AdminRoleGrantedData = z.infer<typeof adminRoleGrantedData>;

/**
 * An admin suspended the member: no login, and every service refuses their tokens once it
 * consumed this (blocked_members). `forFraud` is what reputation reverses others' points on.
 * The shapes of this and MemberReinstated are the ones libs/reputation-domain folds.
 */
export const memberSuspendedData = z.object({
  memberId: z.uuid(),
  reason: z.string().trim().min(1).max(1000),
  forFraud: z.boolean(),
  adminId: z.uuid(),
  suspendedAt: at,
});
export type MemberSuspendedData = z.infer<typeof memberSuspendedData>;

export const memberReinstatedData = z.object({ memberId: z.uuid(), adminId: z.uuid(), reinstatedAt: at });
export type MemberReinstatedData = z.infer<typeof memberReinstatedData>;

/**
 * The member was erased (ADR 010): their data key is already deleted, so every sealed field of
 * theirs now reads as a placeholder. Carries no personal data; every service scrubs its read
 * models and refuses the member's tokens when it consumes this. `reason` is the admin's, sealed
 * with the admin's key; null when members erase themselves (`adminId` null too).
 */
export const memberErasedData = z.object({
  memberId: z.uuid(),
  erasedBy: z.enum(['SELF', 'ADMIN']),
  adminId: z.uuid().nullable(),
  reason: sealable(z.string().trim().min(1).max(1000)).nullable(),
  erasedAt: at,
});
export type MemberErasedData = z.infer<typeof memberErasedData>;

export const IdentityEventTypes = {
  MemberRegistered: 'MemberRegistered',
  MemberProfileUpdated: 'MemberProfileUpdated',
  AdminRoleGranted: 'AdminRoleGranted',
  MemberSuspended: 'MemberSuspended',
  MemberReinstated: 'MemberReinstated',
  MemberErased: 'MemberErased',
} as const;

export type MemberRegistered = { type: typeof IdentityEventTypes.MemberRegistered; data: MemberRegisteredData };
export type MemberProfileUpdated = { type: typeof IdentityEventTypes.MemberProfileUpdated; data: MemberProfileUpdatedData };
export type AdminRoleGranted = { type: typeof IdentityEventTypes.AdminRoleGranted; data: AdminRoleGrantedData };
export type MemberSuspended = { type: typeof IdentityEventTypes.MemberSuspended; data: MemberSuspendedData };
export type MemberReinstated = { type: typeof IdentityEventTypes.MemberReinstated; data: MemberReinstatedData };
export type MemberErased = { type: typeof IdentityEventTypes.MemberErased; data: MemberErasedData };
export type IdentityEvent = MemberRegistered | MemberProfileUpdated | AdminRoleGranted | MemberSuspended | MemberReinstated | MemberErased;

export const identityEventCatalog = {
  [IdentityEventTypes.MemberRegistered]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberRegisteredData },
  [IdentityEventTypes.MemberProfileUpdated]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberProfileUpdatedData },
  [IdentityEventTypes.AdminRoleGranted]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: adminRoleGrantedData },
  [IdentityEventTypes.MemberSuspended]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberSuspendedData },
  [IdentityEventTypes.MemberReinstated]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberReinstatedData },
  [IdentityEventTypes.MemberErased]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberErasedData },
} as const;
