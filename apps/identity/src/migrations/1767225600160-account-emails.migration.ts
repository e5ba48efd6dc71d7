import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail verification and password reset (ADR 019): `members.email_verified`, and the open
 * account tokens by their SHA-256 only (the token itself is never stored here). One row per
 * member and purpose: a newer request replaces it, using it deletes it (single use).
 */
export class AccountEmails1767225600160 implements MigrationInterface {
  readonly name = 'AccountEmails1767225600160';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE members ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
      CREATE TABLE account_tokens (
        member_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (member_id, purpose)
      );
      CREATE UNIQUE INDEX account_tokens_hash_idx ON account_tokens (token_hash);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE account_tokens; ALTER TABLE members DROP COLUMN email_verified;`);
  }
}
