import { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryAndPolicies1763800000000 implements MigrationInterface {
  name = 'DirectoryAndPolicies1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partnerships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        nation text NOT NULL CHECK (nation IN ('england-and-wales', 'scotland', 'northern-ireland')),
        time_zone text NOT NULL DEFAULT 'Europe/London',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE agency_partnerships (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        partnership_id uuid NOT NULL REFERENCES partnerships(id),
        PRIMARY KEY (agency_id, partnership_id)
      )`);
    await db.query(
      `CREATE INDEX agency_partnerships_partnership_idx ON agency_partnerships (partnership_id)`,
    );

    // People recorded before the directory existed are kept, under a placeholder agency.
    await db.query(`ALTER TABLE people ADD COLUMN agency_id uuid REFERENCES agencies(id)`);
    await db.query(`
      WITH placeholder AS (
        INSERT INTO agencies (name, type)
        SELECT 'Unassigned (recorded before the directory)', 'other'
        WHERE EXISTS (SELECT 1 FROM people)
        RETURNING id
      )
      UPDATE people SET agency_id = (SELECT id FROM placeholder)`);
    await db.query(`ALTER TABLE people ALTER COLUMN agency_id SET NOT NULL`);
    await db.query(`ALTER TABLE people ADD COLUMN roles text[] NOT NULL DEFAULT '{practitioner}'`);
    await db.query(`ALTER TABLE people ALTER COLUMN roles DROP DEFAULT`);
    await db.query(`ALTER TABLE people ADD COLUMN line_manager_id uuid REFERENCES people(id)`);
    await db.query(`ALTER TABLE people ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await db.query(`ALTER TABLE people ADD COLUMN deactivated_at timestamptz`);
    await db.query(`CREATE INDEX people_agency_idx ON people (agency_id)`);
    await db.query(`CREATE INDEX people_line_manager_idx ON people (line_manager_id)`);

    await db.query(`
      CREATE TABLE policy_versions (
        partnership_id uuid NOT NULL REFERENCES partnerships(id),
        version int NOT NULL CHECK (version > 0),
        document jsonb NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (partnership_id, version)
      )`);
    await db.query(`
      CREATE FUNCTION policy_versions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published policy versions are immutable: % refused', TG_OP;
      END $$`);
    await db.query(`
      CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions
      FOR EACH ROW EXECUTE FUNCTION policy_versions_are_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE policy_versions`);
    await db.query(`DROP FUNCTION policy_versions_are_immutable`);
    for (const column of ['deactivated_at', 'active', 'line_manager_id', 'roles', 'agency_id']) {
      await db.query(`ALTER TABLE people DROP COLUMN ${column}`);
    }
    await db.query(`DROP TABLE agency_partnerships`);
    await db.query(`DROP TABLE agencies`);
    await db.query(`DROP TABLE partnerships`);
  }
}
