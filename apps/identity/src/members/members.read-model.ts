import type pg from 'pg';
import { DomainError, IdentityEventTypes, type IdentityEvent } from '@payforward/contracts';
import { SUSPENDED_SESSION_MESSAGE } from '@payforward/identity-domain';
import { projectAccountToken } from './account-tokens/account-tokens.read-model.js';
import { scrubErasedMember } from './erase-member/erasure.scrub.js';
import type { Member, Role } from './member.type.js';

interface MemberRow {
  id: string;
  /** Null once the member was erased. */
  email: string | null;
  display_name: string;
  headline: string | null;
  timezone: string;
  roles: string[];
  suspended: boolean;
  email_verified: boolean;
}

const toMember = (row: MemberRow): Member => ({
  id: row.id,
  email: row.email ?? '',
  displayName: row.display_name,
  headline: row.headline,
  timezone: row.timezone,
  roles: row.roles as Role[],
  suspended: row.suspended,
  emailVerified: row.email_verified,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findMemberById(db: pg.Pool | pg.ClientBase, id: string): Promise<Member | null> {
  // An id that is not a UUID names nobody; asking Postgres would raise a cast error instead.
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<MemberRow>({
    name: 'identity-find-member',
    text: 'SELECT id, email, display_name, headline, timezone, roles, suspended, email_verified FROM members WHERE id = $1',
    values: [id],
  });
  return rows[0] ? toMember(rows[0]) : null;
}

/** Every member of `ids` in one query; ids that are not UUIDs name nobody and are not sent. */
export async function findMembersByIds(db: pg.Pool | pg.ClientBase, ids: readonly string[]): Promise<Map<string, Member>> {
  const valid = ids.filter((id) => UUID.test(id));
  if (valid.length === 0) return new Map();
  const { rows } = await db.query<MemberRow>({
    name: 'identity-find-members',
    text: 'SELECT id, email, display_name, headline, timezone, roles, suspended, email_verified FROM members WHERE id = ANY($1::uuid[])',
    values: [valid],
  });
  return new Map(rows.map((row) => [row.id, toMember(row)]));
}

/**
 * Projects member events into `members`. Runs inside the transaction that appends them, so
 * the read model is never behind the write side within identity; `version` makes a re-run
 * of the same event (a rebuild) a no-op.
 */
export async function projectMemberEvent(
  db: pg.ClientBase,
  event: IdentityEvent,
  meta: { version: number; occurredAt: Date },
): Promise<void> {
  switch (event.type) {
    case IdentityEventTypes.MemberRegistered: {
      const d = event.data;
      await db.query({
        name: 'identity-project-member-registered',
        text: `INSERT INTO members (id, email, display_name, headline, timezone, roles, version, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
               ON CONFLICT (id) DO NOTHING`,
        values: [d.memberId, d.email, d.displayName, d.headline, d.timezone, d.roles, meta.version, meta.occurredAt],
      });
      return;
    }
    case IdentityEventTypes.MemberProfileUpdated: {
      const d = event.data;
      await applyChange(db, meta, d.memberId, 'display_name = $4, headline = $5, timezone = $6', [d.displayName, d.headline, d.timezone]);
      return;
    }
    case IdentityEventTypes.AdminRoleGranted:
      // array_append only when missing: the role list stays a set whatever the history.
      await applyChange(db, meta, event.data.memberId, `roles = CASE WHEN 'ADMIN' = ANY(roles) THEN roles ELSE array_append(roles, 'ADMIN') END`);
      return;
    case IdentityEventTypes.MemberSuspended:
      await applyChange(db, meta, event.data.memberId, 'suspended = true');
      return;
    case IdentityEventTypes.MemberReinstated:
      await applyChange(db, meta, event.data.memberId, 'suspended = false');
      return;
    case IdentityEventTypes.MemberErased:
      await scrubErasedMember(db, event.data.memberId, meta);
      return;
    case IdentityEventTypes.EmailVerified:
      await applyChange(db, meta, event.data.memberId, 'email_verified = true');
      await projectAccountToken(db, event, meta.occurredAt);
      return;
    case IdentityEventTypes.EmailVerificationRequested:
    case IdentityEventTypes.PasswordResetRequested:
    case IdentityEventTypes.PasswordReset:
      // Only the token table changes (an upsert or delete per member and purpose: replays are harmless).
      await projectAccountToken(db, event, meta.occurredAt);
      return;
  }
}

/** One later event on a member row: applied once (its stream version must be newer than the row's). */
async function applyChange(db: pg.ClientBase, meta: { version: number; occurredAt: Date }, memberId: string, set: string, values: unknown[] = []): Promise<void> {
  await db.query({
    text: `UPDATE members SET ${set}, version = $2, updated_at = $3 WHERE id = $1 AND version < $2`,
    values: [memberId, meta.version, meta.occurredAt, ...values],
  });
}

/** The member as the write side now has it. Unreachable NOT_FOUND for an existing stream (the decider refuses unknown members). */
export async function memberAfterCommand(tx: pg.ClientBase, memberId: string): Promise<Member> {
  const member = await findMemberById(tx, memberId);
  if (!member) throw new DomainError('NOT_FOUND', 'No such member.', 'memberId');
  return member;
}

type AdminRecord = { roles: string[]; suspended: boolean } | undefined;

/** The token said ADMIN; identity's own record decides. */
function assertAdmin(admin: AdminRecord, forbidden: string): void {
  if (!admin) throw new DomainError('UNAUTHENTICATED', 'Your sign-in token names no member. Sign in again.');
  if (admin.suspended) throw new DomainError('UNAUTHENTICATED', SUSPENDED_SESSION_MESSAGE);
  if (!admin.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN', forbidden);
}

/** A check before any write (no lock): the acting admin is an admin in identity's own record. */
export async function checkAdmin(db: pg.Pool | pg.ClientBase, adminId: string, forbidden: string): Promise<void> {
  const { rows } = await db.query<{ roles: string[]; suspended: boolean }>({
    name: 'identity-erase-admin-of',
    text: 'SELECT roles, suspended FROM members WHERE id = $1',
    values: [adminId],
  });
  assertAdmin(rows[0], forbidden);
}

/**
 * The admin check of an admin command, inside its transaction. Both rows are locked in id
 * order, so two admins suspending each other at once run one after the other and the second
 * finds itself suspended: there is always an admin left to reinstate the other.
 */
export async function lockAndCheckAdmin(tx: pg.ClientBase, adminId: string, memberId: string): Promise<void> {
  const { rows } = await tx.query<{ id: string; roles: string[]; suspended: boolean }>({
    name: 'identity-lock-admin-and-member',
    text: 'SELECT id, roles, suspended FROM members WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    values: [[...new Set([adminId, memberId].filter((id) => UUID.test(id)))]],
  });
  assertAdmin(rows.find((row) => row.id === adminId), 'Only admins can do this.');
}
