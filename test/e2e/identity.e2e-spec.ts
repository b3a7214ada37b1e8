import { dataSourceOptions, migrations } from '@safeguard/persistence';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseOwnerUrl, identityUrl, stackAppEnv } from './support/e2e-env';
import { createAgency, createPerson, get, post, tokenFor } from './support/http';
import { signInAtProvider } from './support/identity-provider';

/**
 * One person, one account: an email cannot be added twice in another letter case (which let an
 * admin of one partnership take over a person of another), a person is bound to the identity
 * provider's subject at first sign-in, and a sign-in that does not fit the binding is refused
 * and recorded. The development issuer binds nobody: it is a test convenience.
 */
describe('identity: one person, one account', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await db.connect();
  });
  afterAll(() => db.end());

  const auditEvents = async (personId: string) =>
    (
      await db.query(
        `SELECT event, detail FROM chronology WHERE subject_id = $1
            AND event IN ('person.identity-bound', 'person.sign-in-refused')
          ORDER BY occurred_at, sequence`,
        [personId],
      )
    ).rows;

  it('refuses an email that differs from another person’s only in letter case', async () => {
    const person = await createPerson('Case Person');
    const otherPartnershipsAgency = await createAgency('care-provider');
    const response = await post('/people', {
      displayName: 'Impostor',
      email: person.email.toUpperCase(),
      agencyId: otherPartnershipsAgency.id,
      roles: ['practitioner'],
    });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);
    const { rows } = await db.query('SELECT id FROM people WHERE lower(email) = lower($1)', [
      person.email,
    ]);
    expect(rows).toEqual([{ id: person.id }]);
  });

  const binding = async (personId: string) =>
    (
      await db.query(
        'SELECT identity_issuer, identity_subject, identity_bound_at FROM people WHERE id = $1',
        [personId],
      )
    ).rows[0];

  it('binds the provider’s subject at the first sign-in, and records it once', async () => {
    const person = await createPerson('First Sign-in');
    const { access_token: token } = await signInAtProvider(person.id);
    expect((await get('/me/actions', token)).status).toBe(200);
    expect((await get('/me/actions', token)).status).toBe(200);

    expect(await binding(person.id)).toMatchObject({
      identity_issuer: identityUrl(),
      identity_subject: person.id,
      identity_bound_at: expect.any(Date),
    });
    expect(await auditEvents(person.id)).toEqual([
      expect.objectContaining({ event: 'person.identity-bound' }),
    ]);
  });

  it('finds a person by a development token’s email, whatever its case, and binds nothing', async () => {
    const person = await createPerson('Development Token');
    expect((await get('/me/actions', await tokenFor(person.email.toUpperCase()))).status).toBe(200);
    expect(await binding(person.id)).toMatchObject({ identity_issuer: null });
    expect(await auditEvents(person.id)).toEqual([]);
  });

  it('signs in through the provider someone first used by a development token, and both go on working', async () => {
    const person = await createPerson('Both Issuers');
    const devToken = await tokenFor(person.email);
    expect((await get('/me/actions', devToken)).status).toBe(200);

    const { access_token: providerToken } = await signInAtProvider(person.id);
    expect((await get('/me/actions', providerToken)).status).toBe(200);
    expect(await binding(person.id)).toMatchObject({ identity_issuer: identityUrl() });

    expect((await get('/me/actions', await tokenFor(person.email))).status).toBe(200);
    expect((await get('/me/actions', devToken)).status).toBe(200);
  });

  it('refuses a sign-in whose email finds a person bound to another identity, and records it', async () => {
    const person = await createPerson('Bound Elsewhere');
    await db.query(
      `UPDATE people SET identity_issuer = $2, identity_subject = $3, identity_bound_at = now()
        WHERE id = $1`,
      [person.id, identityUrl(), `someone-else-${randomUUID()}`],
    );
    const { access_token: token } = await signInAtProvider(person.id);
    const response = await get('/me/actions', token);
    expect(response.status).toBe(403);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.detail).toContain('already linked to another sign-in account');
    expect(await auditEvents(person.id)).toEqual([
      {
        event: 'person.sign-in-refused',
        detail: expect.objectContaining({ reason: 'bound-to-another-identity' }),
      },
    ]);
  });
});

describe('the identity migration on a directory with case-only duplicate emails', () => {
  const name = `identity_migration_${randomUUID().replace(/-/g, '')}`;
  const url = new URL(databaseOwnerUrl());
  url.pathname = `/${name}`;
  let server: Client;

  beforeAll(async () => {
    server = new Client({ connectionString: databaseOwnerUrl() });
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await server.query(`DROP DATABASE IF EXISTS ${name}`);
    await server.end();
  });

  it('names the duplicates by id, changes nothing, and proceeds once they are resolved', async () => {
    const upTo = migrations.findIndex((m) => m.name === 'IdentityBinding1764400000000');
    expect(upTo).toBeGreaterThan(0);
    const before = await new DataSource({
      ...dataSourceOptions(url.toString()),
      migrations: migrations.slice(0, upTo),
    }).initialize();
    const [{ id: agencyId }] = await before
      .runMigrations()
      .then(() =>
        before.query(
          `INSERT INTO agencies (name, type) VALUES ('Legacy Agency', 'police') RETURNING id`,
        ),
      );
    const people: string[] = [];
    for (const email of ['sam@agency.example', 'Sam@Agency.example', 'kim@agency.example']) {
      const [{ id }] = await before.query(
        `INSERT INTO people (display_name, email, agency_id, roles)
         VALUES ('Legacy', $1, $2, '{practitioner}') RETURNING id`,
        [email, agencyId],
      );
      people.push(id);
    }
    await before.destroy();

    const all = await new DataSource({
      ...dataSourceOptions(url.toString()),
      migrations,
    }).initialize();
    try {
      const failure = await all.runMigrations().then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(failure).toContain(`${people[0]} = ${people[1]}`);
      expect(failure).not.toContain(people[2]);
      expect(failure).not.toContain('agency.example');
      const columns = await all.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'people' AND column_name LIKE 'identity_%'`,
      );
      expect(columns).toEqual([]);
      expect(await all.query('SELECT count(*)::int AS n FROM people')).toEqual([{ n: 3 }]);

      await all.query(`UPDATE people SET email = 'sam.second@agency.example' WHERE id = $1`, [
        people[1],
      ]);
      await all.runMigrations();
      const bound = await all.query(
        `SELECT count(*)::int AS n FROM information_schema.columns
          WHERE table_name = 'people' AND column_name LIKE 'identity_%'`,
      );
      expect(bound).toEqual([{ n: 3 }]);
    } finally {
      await all.destroy();
    }
  });
});
