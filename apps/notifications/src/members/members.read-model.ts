import type pg from 'pg';
import { ERASED_MEMBER_NAME } from '@payforward/contracts';
import { ownerOf } from '@payforward/crypto-shredding';

type Db = pg.Pool | pg.ClientBase;

/**
 * The notifications service's copy of members (from identity's events): display names
 * (unsealed: notification texts name the other party through this table), the time zone mails
 * speak in, and the e-mail address exactly as MemberRegistered carried it — sealed with the
 * member's data key and opened only when a mail is written (ADR 017). An erased member keeps
 * their row with the placeholder name, no address and erased_at set, and a later (replayed)
 * profile event never brings a name back.
 */
export async function recordMemberName(db: Db, memberId: string, displayName: string): Promise<void> {
  await db.query({
    name: 'notifications-record-member',
    text: `INSERT INTO members (id, display_name) VALUES ($1, $2)
           ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name WHERE members.erased_at IS NULL`,
    values: [memberId, displayName],
  });
}

/**
 * MemberRegistered / MemberProfileUpdated: name, time zone and (registration only) the sealed
 * address. An address that is not sealed for this member is not kept: plaintext addresses never
 * rest here, whatever a producer sends.
 */
export async function recordMember(
  db: Db,
  member: { memberId: string; displayName: string; timezone: string | null; sealedEmail?: string | null },
): Promise<void> {
  const sealed = member.sealedEmail && ownerOf(member.sealedEmail) === member.memberId.toLowerCase() ? member.sealedEmail : null;
  await db.query({
    name: 'notifications-record-member-full',
    text: `INSERT INTO members (id, display_name, timezone, email) VALUES ($1, $2, COALESCE($3, 'UTC'), $4)
           ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name,
                  timezone = COALESCE($3, members.timezone),
                  email = COALESCE($4, members.email)
            WHERE members.erased_at IS NULL`,
    values: [member.memberId, member.displayName, member.timezone, sealed],
  });
}

export async function eraseMemberName(db: Db, memberId: string, erasedAt: string): Promise<void> {
  await db.query({
    name: 'notifications-erase-member',
    text: `INSERT INTO members (id, display_name, erased_at) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, erased_at = EXCLUDED.erased_at, email = NULL`,
    values: [memberId, ERASED_MEMBER_NAME, erasedAt],
  });
}

/** An admin (registered with the role, or granted it): told of the review queue's arrivals. */
export async function markAdmin(db: Db, memberId: string): Promise<void> {
  await db.query({ name: 'notifications-mark-admin', text: 'UPDATE members SET is_admin = true WHERE id = $1', values: [memberId] });
}

/** The admins to tell now: not erased, not suspended. */
export async function activeAdmins(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>({
    name: 'notifications-active-admins',
    text: `SELECT id FROM members m WHERE is_admin AND erased_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM blocked_members b WHERE b.member_id = m.id) ORDER BY id`,
  });
  return rows.map((r) => r.id);
}

/** Whom a mail goes to, as the mirror knows them. The address stays sealed: open it with PersonalDataCodec's keys when writing the mail. */
export interface Recipient {
  memberId: string;
  displayName: string;
  timezone: string;
  sealedEmail: string | null;
  erased: boolean;
}

export async function recipientFor(db: Db, memberId: string): Promise<Recipient | null> {
  const { rows } = await db.query<{ id: string; display_name: string; timezone: string; email: string | null; erased_at: Date | null }>({
    name: 'notifications-recipient',
    text: 'SELECT id, display_name, timezone, email, erased_at FROM members WHERE id = $1',
    values: [memberId],
  });
  const row = rows[0];
  if (!row) return null;
  return { memberId: row.id, displayName: row.display_name, timezone: row.timezone, sealedEmail: row.email, erased: row.erased_at !== null };
}

/** The display name the mirror holds (null when the member is unknown here). */
export async function displayNameOf(db: Db, memberId: string | null): Promise<string | null> {
  if (!memberId) return null;
  const { rows } = await db.query<{ display_name: string }>({ name: 'notifications-display-name', text: 'SELECT display_name FROM members WHERE id = $1', values: [memberId] });
  return rows[0]?.display_name ?? null;
}
