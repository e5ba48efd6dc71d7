import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure (ADR 010): an erased member keeps their row in `members` (others' requests and
 * ledgers still point at them) as "Erased member" with no e-mail, and `erased_at` says since when.
 */
export class MemberErasure1767225600150 implements MigrationInterface {
  readonly name = 'MemberErasure1767225600150';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE members ALTER COLUMN email DROP NOT NULL;
      ALTER TABLE members ADD COLUMN erased_at timestamptz;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE members DROP COLUMN erased_at; ALTER TABLE members ALTER COLUMN email SET NOT NULL;`);
  }
}
