import type { MigrationInterface, QueryRunner } from 'typeorm';

export const PROCESSED_EVENTS_TABLE = 'processed_events';

/**
 * The consumer side's idempotency record: one row per (consumer group, event id), written in
 * the same transaction as the read-model change, so a redelivered event finds its row and
 * changes nothing. Lives in the consuming service's database, next to its read models.
 */
export const PROCESSED_EVENTS_SCHEMA_UP = `
CREATE TABLE IF NOT EXISTS ${PROCESSED_EVENTS_TABLE} (
  consumer_group text NOT NULL,
  event_id uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);
`;

export const PROCESSED_EVENTS_SCHEMA_DOWN = `DROP TABLE IF EXISTS ${PROCESSED_EVENTS_TABLE};`;

/**
 * The same table as a TypeORM migration for a consuming service's `migrations` list. TypeORM
 * orders migrations by the 13-digit timestamp ending the name: fixed, never to change.
 */
export class ProcessedEventsSchema1767225700000 implements MigrationInterface {
  readonly name = 'ProcessedEventsSchema1767225700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(PROCESSED_EVENTS_SCHEMA_UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(PROCESSED_EVENTS_SCHEMA_DOWN);
  }
}
