import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Erasure (ADR 010): the marketplace's copy of a member says since when they are erased. */
export class MemberErasure1767225600210 implements MigrationInterface {
  readonly name = 'MemberErasure1767225600210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE members ADD COLUMN erased_at timestamptz;');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE members DROP COLUMN erased_at;');
  }
}
