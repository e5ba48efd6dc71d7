import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity's own tables beside the event store:
 * - `member_emails`: the e-mail reservation. Uniqueness across members is not an aggregate
 *   invariant (each member is its own stream), so the primary key enforces it, written in the
 *   same transaction as the MemberRegistered append.
 * - `credentials`: password hashes, kept out of events (events are published and kept forever).
 * - `members`: the read model behind `me` / `member(id)`, projected from member events inside
 *   the appending transaction; `version` is the last stream version applied.
 */
export class IdentitySchema1767225600100 implements MigrationInterface {
  readonly name = 'IdentitySchema1767225600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE member_emails (
        email text PRIMARY KEY,
        member_id uuid NOT NULL UNIQUE,
        reserved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE credentials (
        member_id uuid PRIMARY KEY,
        password_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        headline text,
        timezone text NOT NULL,
        roles text[] NOT NULL,
        suspended boolean NOT NULL DEFAULT false,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE members; DROP TABLE credentials; DROP TABLE member_emails;');
  }
}
