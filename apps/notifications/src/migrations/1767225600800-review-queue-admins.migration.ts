import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who the review queue's arrivals go to: admins (from MemberRegistered roles and AdminRoleGranted). */
export class ReviewQueueAdmins1767225600800 implements MigrationInterface {
  readonly name = 'ReviewQueueAdmins1767225600800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE members ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
      CREATE INDEX members_admins_idx ON members (id) WHERE is_admin AND erased_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX members_admins_idx; ALTER TABLE members DROP COLUMN is_admin;');
  }
}
