// Test helpers shared by this lib's specs (not exported from index.ts).
import type pg from 'pg';
import type { NewEvent } from './event-store.types.js';

export const TEST_TOPIC = 'test.things.v1';
export const testTopicFor = (): string => TEST_TOPIC;

export const metadata = { actor: 'system:test', correlationId: 'corr-1', causationId: null };

export const thing = (n: number, extra: Partial<NewEvent> = {}): NewEvent => ({
  type: 'ThingHappened',
  data: { n, note: `thing ${n}` },
  metadata,
  ...extra,
});

export async function countRows(pool: pg.Pool, streamId?: string): Promise<{ events: number; outbox: number }> {
  const where = streamId === undefined ? '' : 'WHERE stream_id = $1';
  const values = streamId === undefined ? [] : [streamId];
  const { rows } = await pool.query<{ events: number; outbox: number }>(
    `SELECT (SELECT count(*)::int FROM es_events ${where}) AS events, (SELECT count(*)::int FROM es_outbox ${where}) AS outbox`,
    values,
  );
  return rows[0]!;
}

export async function versionsOf(pool: pg.Pool, streamId: string): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM es_events WHERE stream_id = $1 ORDER BY version', [streamId]);
  return rows.map((r) => r.version);
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
