import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_SCHEMA_DOWN, EVENT_STORE_SCHEMA_UP } from './schema.js';

/**
 * The event store's tables as a TypeORM migration: add the class to a service's `migrations`
 * list. TypeORM orders migrations by the 13-digit timestamp that ends the name, so it is fixed
 * here and must never change once deployed.
 */
export class EventStoreSchema1767225600000 implements MigrationInterface {
  readonly name = 'EventStoreSchema1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_DOWN);
  }
}

/** The same migration under the name services import. */
export const EventStoreSchemaMigration = EventStoreSchema1767225600000;
