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

/**
 * Account e-mails (ADR 019). Identity sends nothing itself: these events carry what the
 * notifications service needs to write the mail — the address and the one-time token, both
 * sealed with the member's key (personal-data.ts), so erasure makes every copy unreadable.
 * The token is 32 random bytes, base64url; identity's read model keeps only its SHA-256.
 * A newer request of the same kind supersedes the older token.
 */
export const accountToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an account token');

export const emailVerificationRequestedData = z.object({
  memberId: z.uuid(),
  email: sealable(emailAddress),
  token: sealable(accountToken),
  expiresAt: at,
});
export type EmailVerificationRequestedData = z.infer<typeof emailVerificationRequestedData>;

export const emailVerifiedData = z.object({ memberId: z.uuid(), verifiedAt: at });
export type EmailVerifiedData = z.infer<typeof emailVerifiedData>;

export const passwordResetRequestedData = emailVerificationRequestedData;
export type PasswordResetRequestedData = z.infer<typeof passwordResetRequestedData>;

/** The password was reset with a token: every token issued until `resetAt` is refused by every service. */
export const passwordResetData = z.object({ memberId: z.uuid(), resetAt: at });
export type PasswordResetData = z.infer<typeof passwordResetData>;

export const IdentityEventTypes = {
  MemberRegistered: 'MemberRegistered',
  MemberProfileUpdated: 'MemberProfileUpdated',
  AdminRoleGranted: 'AdminRoleGranted',
  MemberSuspended: 'MemberSuspended',
  MemberReinstated: 'MemberReinstated',
  MemberErased: 'MemberErased',
  EmailVerificationRequested: 'EmailVerificationRequested',
  EmailVerified: 'EmailVerified',
  PasswordResetRequested: 'PasswordResetRequested',
  PasswordReset: 'PasswordReset',
} as const;

export type MemberRegistered = { type: typeof IdentityEventTypes.MemberRegistered; data: MemberRegisteredData };
export type MemberProfileUpdated = { type: typeof IdentityEventTypes.MemberProfileUpdated; data: MemberProfileUpdatedData };
export type AdminRoleGranted = { type: typeof IdentityEventTypes.AdminRoleGranted; data: AdminRoleGrantedData };
export type MemberSuspended = { type: typeof IdentityEventTypes.MemberSuspended; data: MemberSuspendedData };
export type MemberReinstated = { type: typeof IdentityEventTypes.MemberReinstated; data: MemberReinstatedData };
export type MemberErased = { type: typeof IdentityEventTypes.MemberErased; data: MemberErasedData };
export type EmailVerificationRequested = { type: typeof IdentityEventTypes.EmailVerificationRequested; data: EmailVerificationRequestedData };
export type EmailVerified = { type: typeof IdentityEventTypes.EmailVerified; data: EmailVerifiedData };
export type PasswordResetRequested = { type: typeof IdentityEventTypes.PasswordResetRequested; data: PasswordResetRequestedData };
export type PasswordReset = { type: typeof IdentityEventTypes.PasswordReset; data: PasswordResetData };
export type IdentityEvent =
  | MemberRegistered
  | MemberProfileUpdated
  | AdminRoleGranted
  | MemberSuspended
  | MemberReinstated
  | MemberErased
  | EmailVerificationRequested
  | EmailVerified
  | PasswordResetRequested
  | PasswordReset;

export const identityEventCatalog = {
  [IdentityEventTypes.MemberRegistered]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberRegisteredData },
  [IdentityEventTypes.MemberProfileUpdated]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberProfileUpdatedData },
  [IdentityEventTypes.AdminRoleGranted]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: adminRoleGrantedData },
  [IdentityEventTypes.MemberSuspended]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberSuspendedData },
  [IdentityEventTypes.MemberReinstated]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberReinstatedData },
  [IdentityEventTypes.MemberErased]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: memberErasedData },
  [IdentityEventTypes.EmailVerificationRequested]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: emailVerificationRequestedData },
  [IdentityEventTypes.EmailVerified]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: emailVerifiedData },
  [IdentityEventTypes.PasswordResetRequested]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: passwordResetRequestedData },
  [IdentityEventTypes.PasswordReset]: { topic: TOPICS.identityMember, schemaVersion: 1, integration: true, schema: passwordResetData },
} as const;
