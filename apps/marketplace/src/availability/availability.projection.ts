import type pg from 'pg';
import type { AvailabilityEvent } from '@payforward/contracts';
import type { ProjectionMeta } from '../shared/projection.meta.js';

/** The whole availability is replaced each time; returns the mentor whose dashboard shows it. */
export async function projectAvailabilityEvent(tx: pg.ClientBase, event: AvailabilityEvent, meta: ProjectionMeta): Promise<string> {
  const d = event.data;
  await tx.query({
    name: 'marketplace-availability-set',
    text: `INSERT INTO availability (mentor_id, timezone, windows, blackout_dates, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (mentor_id) DO UPDATE SET timezone = EXCLUDED.timezone, windows = EXCLUDED.windows,
             blackout_dates = EXCLUDED.blackout_dates, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    values: [d.mentorId, d.timezone, JSON.stringify(d.windows), d.blackoutDates, meta.version, meta.occurredAt],
  });
  return d.mentorId;
}
