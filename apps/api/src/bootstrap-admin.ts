import 'reflect-metadata';
import {
  AGENCY_TYPES,
  NATIONS,
  ROLES,
  type AgencyType,
  type Nation,
  type Role,
} from '@safeguard/domain';
import {
  AgencyEntity,
  dataSourceOptions,
  PartnershipEntity,
  PersonEntity,
} from '@safeguard/persistence';
import { EnvReader } from '@safeguard/platform';
import { parseArgs } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { PoliciesService } from './policies/policies.service';

/**
 * The first administrator of a partnership, who can then manage everything else through the API.
 * Every other change goes through the API's authorization; this is the one door around it, so it
 * needs direct database access (DATABASE_URL, after `npm run migrate`). Safe to run again:
 * existing records are found, not duplicated.
 *
 *   node apps/api/dist/bootstrap-admin.js --partnership "Northshire SAB" --nation england-and-wales \
 *     --agency "Northshire County Council" --agency-type local-authority \
 *     --name "Chris Taylor" --email chris.taylor@northshire.gov.uk [--roles admin,safeguarding-lead]
 */
interface BootstrapRequest {
  partnership: string;
  nation: Nation;
  agency: string;
  agencyType: AgencyType;
  name: string;
  email: string;
  roles: Role[];
}

function readRequest(): BootstrapRequest {
  const { values } = parseArgs({
    options: {
      partnership: { type: 'string' },
      nation: { type: 'string' },
      agency: { type: 'string' },
      'agency-type': { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      roles: { type: 'string', default: 'admin' },
    },
  });
  const problems: string[] = [];
  const text = (name: keyof typeof values) => {
    const value = values[name];
    if (typeof value !== 'string' || !value.trim()) problems.push(`--${name} is required`);
    return String(value ?? '').trim();
  };
  const oneOf = <T extends string>(name: keyof typeof values, allowed: readonly T[]) => {
    const value = text(name);
    if (value && !(allowed as readonly string[]).includes(value)) {
      problems.push(`--${name} must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  };
  const request: BootstrapRequest = {
    partnership: text('partnership'),
    nation: oneOf('nation', NATIONS),
    agency: text('agency'),
    agencyType: oneOf('agency-type', AGENCY_TYPES),
    name: text('name'),
    email: text('email').toLowerCase(),
    roles: text('roles')
      .split(',')
      .map((role) => role.trim()) as Role[],
  };
  const unknownRoles = request.roles.filter((role) => !ROLES.includes(role));
  if (unknownRoles.length) problems.push(`--roles has unknown roles: ${unknownRoles.join(', ')}`);
  if (problems.length) throw new Error(`Cannot bootstrap:\n  - ${problems.join('\n  - ')}`);
  return request;
}

async function bootstrap(db: EntityManager, request: BootstrapRequest): Promise<PersonEntity> {
  const existing = await db.findOneBy(PersonEntity, { email: request.email });
  if (existing) return existing;

  let partnership = await db.findOneBy(PartnershipEntity, { name: request.partnership });
  if (!partnership) {
    partnership = await db.save(
      db.create(PartnershipEntity, {
        name: request.partnership,
        nation: request.nation,
        timeZone: 'Europe/London',
      }),
    );
    await new PoliciesService(db.connection).publishDefault(db, partnership);
  }
  let agency = await db.findOneBy(AgencyEntity, { name: request.agency });
  if (!agency) {
    agency = await db.save(
      db.create(AgencyEntity, { name: request.agency, type: request.agencyType }),
    );
  }
  await db.query(
    `INSERT INTO agency_partnerships (agency_id, partnership_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [agency.id, partnership.id],
  );
  return db.save(
    db.create(PersonEntity, {
      displayName: request.name,
      email: request.email,
      agencyId: agency.id,
      roles: request.roles,
      lineManagerId: null,
      active: true,
      deactivatedAt: null,
    }),
  );
}

async function main(): Promise<void> {
  const env = new EnvReader(process.env);
  const databaseUrl = env.url('DATABASE_URL', ['postgres', 'postgresql']);
  env.assertValid();
  const request = readRequest();
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const admin = await dataSource.transaction((db) => bootstrap(db, request));
    console.log(JSON.stringify({ personId: admin.id, email: admin.email, roles: admin.roles }));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
