import type pg from 'pg';
import type { AvailabilityWindow as Window } from '@payforward/contracts';
import type { Availability } from './availability.type.js';

interface AvailabilityRow {
  timezone: string;
  windows: Window[];
  blackout_dates: string[];
}

/** The mentor's availability, or null until they first set it (no call can be scheduled before). */
export async function findAvailability(db: pg.Pool | pg.ClientBase, mentorId: string): Promise<Availability | null> {
  const { rows } = await db.query<AvailabilityRow>({
    name: 'marketplace-find-availability',
    text: 'SELECT timezone, windows, blackout_dates FROM availability WHERE mentor_id = $1',
    values: [mentorId],
  });
  const row = rows[0];
  return row ? { timezone: row.timezone, windows: row.windows, blackoutDates: row.blackout_dates } : null;
}
