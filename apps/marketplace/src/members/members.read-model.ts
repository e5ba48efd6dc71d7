import type pg from 'pg';
import type { MemberProfileUpdatedData, MemberRegisteredData } from '@payforward/contracts';
import { isUuid } from '../shared/ids.js';

type Db = pg.Pool | pg.ClientBase;

export interface KnownMember {
  id: string;
  displayName: string;
  timezone: string;
  /** Erased (ADR 010): nothing new can involve them. */
  erased: boolean;
}

/**
 * The marketplace's copy of who exists, from identity's MemberRegistered: the profile time zone
 * (default for availability) and the check that an intro target or attested member is real.
 * Eventually consistent with identity; idempotent, so a redelivery or a rebuild changes nothing.
 */
export async function recordMember(db: Db, data: Pick<MemberRegisteredData, 'memberId' | 'displayName' | 'timezone'>, registeredAt: Date | string): Promise<void> {
  await db.query({
    name: 'marketplace-record-member',
    text: `INSERT INTO members (id, display_name, timezone, registered_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, timezone = EXCLUDED.timezone`,
    values: [data.memberId, data.displayName, data.timezone, registeredAt],
  });
}

/** A later profile: the name and default time zone follow it (availability keeps its own zone once set). */
export async function updateMemberProfile(db: Db, data: Pick<MemberProfileUpdatedData, 'memberId' | 'displayName' | 'timezone'>): Promise<void> {
  await db.query({
    name: 'marketplace-update-member-profile',
    text: 'UPDATE members SET display_name = $2, timezone = $3 WHERE id = $1',
    values: [data.memberId, data.displayName, data.timezone],
  });
}

export async function findMember(db: Db, id: string): Promise<KnownMember | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<{ id: string; display_name: string; timezone: string; erased: boolean }>({
    name: 'marketplace-find-member',
    text: 'SELECT id, display_name, timezone, erased_at IS NOT NULL AS erased FROM members WHERE id = $1',
    values: [id],
  });
  const row = rows[0];
  return row ? { id: row.id, displayName: row.display_name, timezone: row.timezone, erased: row.erased } : null;
}
