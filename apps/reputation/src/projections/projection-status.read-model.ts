import type pg from 'pg';
import { isRebuilding } from '../projection/projection.lock.js';
import { PROJECTION_NAME } from '../projection/projection.tables.js';
import type { ProjectionStatus } from './projection-status.type.js';

interface StatusRow {
  last_event_at: Date | null;
  rebuild_started_at: Date | null;
  rebuild_finished_at: Date | null;
  rebuilt_events: number;
  rebuild_total_events: number;
  rebuild_error: string | null;
}

/** The reputation projection's status: the consumer group's lag from the broker, the rest from projection_status. */
export async function projectionStatus(pool: pg.Pool, consumerLag: () => Promise<number>): Promise<ProjectionStatus> {
  const [{ rows }, rebuilding, lag] = await Promise.all([
    pool.query<StatusRow>({
      name: 'reputation-projection-status',
      text: `SELECT last_event_at, rebuild_started_at, rebuild_finished_at, rebuilt_events, rebuild_total_events, rebuild_error
               FROM projection_status WHERE name = $1`,
      values: [PROJECTION_NAME],
    }),
    isRebuilding(pool),
    consumerLag(),
  ]);
  const row = rows[0]!;
  return {
    name: PROJECTION_NAME,
    lagEvents: lag + (rebuilding ? Math.max(0, row.rebuild_total_events - row.rebuilt_events) : 0),
    lastEventAt: row.last_event_at,
    rebuilding,
    rebuiltEvents: row.rebuilt_events,
    rebuildTotalEvents: row.rebuild_total_events,
    rebuildStartedAt: row.rebuild_started_at,
    rebuildFinishedAt: row.rebuild_finished_at,
    rebuildError: row.rebuild_error,
  };
}
