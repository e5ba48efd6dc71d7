import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Private calendar feeds (issue 11 §6; ADR 018). Only the token's SHA-256 is stored (a copy of
 * this table opens no feed); `nonce` lets the service derive the same token again with its
 * secret to show the URL. One live token per member; rotating revokes it (revoked_at).
 */
export class CalendarFeedTokens1767225600610 implements MigrationInterface {
  readonly name = 'CalendarFeedTokens1767225600610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_feed_tokens (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        nonce text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX calendar_feed_tokens_live_idx ON calendar_feed_tokens (member_id) WHERE revoked_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE calendar_feed_tokens;');
  }
}
