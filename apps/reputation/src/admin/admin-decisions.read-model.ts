import type pg from 'pg';

/**
 * Read-your-writes for an admin decision: waits (bounded by `withinMs`) until the projection
 * applied the event, i.e. its id is in processed_events for the live group. False when it
 * has not yet (the decision is stored; the projection will follow).
 */
export async function waitUntilProjected(pool: pg.Pool, groupId: string, eventId: string, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const { rowCount } = await pool.query({
      name: 'reputation-admin-projected',
      text: 'SELECT 1 FROM processed_events WHERE consumer_group = $1 AND event_id = $2',
      values: [groupId, eventId],
    });
    if (rowCount === 1) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
