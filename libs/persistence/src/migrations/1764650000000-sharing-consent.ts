import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Causing another agency to make enquiries records whether the adult consented to their
 * information being shared with it, or on what ground their refusal was overridden. Requests
 * made before this keep nulls: the service did not ask then.
 */
export class SharingConsent1764650000000 implements MigrationInterface {
  name = 'SharingConsent1764650000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE enquiry_delegations
        ADD COLUMN sharing_consent text CHECK (sharing_consent IN ('consented', 'overridden')),
        ADD COLUMN sharing_overridden_on text CHECK (sharing_overridden_on IN ('lacks-capacity',
          'risk-to-others', 'serious-crime', 'coercion-or-undue-influence', 'vital-interests',
          'other')),
        ADD CONSTRAINT enquiry_delegations_override_has_ground
          CHECK ((sharing_consent = 'overridden') = (sharing_overridden_on IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE enquiry_delegations
        DROP CONSTRAINT enquiry_delegations_override_has_ground,
        DROP COLUMN sharing_overridden_on,
        DROP COLUMN sharing_consent`);
  }
}
