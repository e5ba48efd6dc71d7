import type pg from 'pg';
import { ERASED_MEMBER_NAME } from '@payforward/contracts';

type Db = pg.Pool | pg.ClientBase;

/**
 * The notifications service's copy of members' display names (from identity's events, unsealed),
 * the only personal data it keeps: notification texts name the other party through this table.
 * An erased member keeps their row with the placeholder name and erased_at set, and a later
 * (replayed) profile event never brings a name back.
 */
export async function recordMemberName(db: Db, memberId: string, displayName: string): Promise<void> {
  await db.query({
    name: 'notifications-record-member',
    text: `INSERT INTO members (id, display_name) VALUES ($1, $2)
           ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name WHERE members.erased_at IS NULL`,
    values: [memberId, displayName],
  });
}

export async function eraseMemberName(db: Db, memberId: string, erasedAt: string): Promise<void> {
  await db.query({
    name: 'notifications-erase-member',
    text: `INSERT INTO members (id, display_name, erased_at) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, erased_at = EXCLUDED.erased_at`,
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
