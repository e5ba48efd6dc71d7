import type pg from 'pg';
import type { MemberRegisteredData } from '@payforward/contracts';
import { isUuid } from '../shared/ids.js';

type Db = pg.Pool | pg.ClientBase;

export interface KnownMember {
  id: string;
  displayName: string;
  timezone: string;
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

export async function findMember(db: Db, id: string): Promise<KnownMember | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<{ id: string; display_name: string; timezone: string }>({
    name: 'marketplace-find-member',
    text: 'SELECT id, display_name, timezone FROM members WHERE id = $1',
    values: [id],
  });
  const row = rows[0];
  return row ? { id: row.id, displayName: row.display_name, timezone: row.timezone } : null;
}
