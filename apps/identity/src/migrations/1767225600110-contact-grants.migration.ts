import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `contact_grants`: who may see whose contact beyond themself and admins (DESIGN §2.1).
 * Identity owns the personal data, so it decides, from the marketplace's help-request events
 * (contact-grants consumer). One row per (viewer, subject): the first event that granted it is
 * kept as the reason; later ones change nothing. Grants are never revoked by later request
 * events: once accepted, counterparts keep each other's contact.
 * The primary key serves the only read, "which of these subjects may this viewer see".
 */
export class ContactGrants1767225600110 implements MigrationInterface {
  readonly name = 'ContactGrants1767225600110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contact_grants (
        viewer_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        basis text NOT NULL CHECK (basis IN ('REQUEST_ACCEPTED', 'INTRO_CONSENTED')),
        request_id uuid NOT NULL,
        source_event_id uuid NOT NULL,
        granted_at timestamptz NOT NULL,
        PRIMARY KEY (viewer_id, subject_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_grants;');
  }
}
