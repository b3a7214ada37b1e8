import { ROLES, type Role } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import {
  call,
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  tokenFor,
  unique,
} from './support/http';

/**
 * Every endpoint × every role × a record of another agency and of another partnership
 * (OWASP API1 broken object-level and API5 broken function-level authorisation).
 * The endpoints come from the API's own route table (its OpenAPI document), so a new endpoint
 * fails here until someone writes down who may use it.
 */
type Target = 'otherAgency' | 'otherPartnership';
type Objects = Record<'action' | 'meeting' | 'person' | 'agency' | 'partnership', string>;
/** The expected status, or 'changes-data' where an allowed write would really happen. */
type Expectation = number | 'changes-data';
type Rule = (role: Role, target: Target) => Expectation;

const CASE_ROLES: Role[] = [
  'safeguarding-lead',
  'head-of-service',
  'designated-safeguarding-lead',
  'line-manager',
  'practitioner',
];
const PARTNERSHIP_WIDE: Role[] = ['safeguarding-lead', 'head-of-service'];
const AUDITORS: Role[] = ['safeguarding-lead', 'admin'];

const onlyFor =
  (roles: Role[], then: Rule): Rule =>
  (role, target) =>
    roles.includes(role) ? then(role, target) : 403;
/** Same partnership: visible; another partnership: as if it did not exist. */
const scoped =
  (visible: Expectation, foreign = 404): Rule =>
  (_role, target) =>
    target === 'otherPartnership' ? foreign : visible;
const caseRecord = (visible: Expectation): Rule =>
  onlyFor(CASE_ROLES, (role, target) =>
    target === 'otherPartnership' ? 404 : PARTNERSHIP_WIDE.includes(role) ? visible : 404,
  );

const RULES: Record<string, Rule> = {
  'POST /partnerships': onlyFor(['admin'], () => 'changes-data'),
  'GET /partnerships': () => 200,
  'GET /partnerships/{id}': scoped(200),
  'POST /agencies': onlyFor(['admin'], scoped('changes-data', 422)),
  'GET /agencies': () => 200,
  'GET /agencies/{id}': scoped(200),
  'PATCH /agencies/{id}': onlyFor(['admin'], scoped('changes-data')),
  'POST /people': onlyFor(['admin'], scoped('changes-data', 422)),
  'GET /people': () => 200,
  'GET /people/{id}': scoped(200),
  'PATCH /people/{id}': onlyFor(['admin'], scoped('changes-data')),
  'POST /people/{id}/deactivate': onlyFor(['admin'], scoped('changes-data')),
  'GET /partnerships/{partnershipId}/policy': scoped(200),
  'POST /partnerships/{partnershipId}/policy': onlyFor(['admin'], scoped('changes-data')),
  'GET /partnerships/{partnershipId}/policy/versions/{version}': scoped(200),
  'POST /partnerships/{partnershipId}/policy/validate': onlyFor(['admin'], scoped(422)),
  'POST /actions': onlyFor(CASE_ROLES, scoped('changes-data', 422)),
  'GET /actions/{id}': caseRecord(200),
  'POST /actions/{id}/complete': caseRecord('changes-data'),
  'GET /actions/{id}/chronology': caseRecord(200),
  // A lead sees another agency's action but only its owner acknowledges or asks for more time.
  'POST /actions/{id}/acknowledge': caseRecord(403),
  'POST /actions/{id}/extension-request': caseRecord(403),
  // A lead may decide and reassign; here there is no request waiting, and the owner is the same.
  'POST /actions/{id}/extension-decision': caseRecord(409),
  'POST /actions/{id}/reassign': caseRecord(409),
  'POST /actions/{id}/cancel': caseRecord('changes-data'),
  'GET /me/actions': onlyFor(CASE_ROLES, () => 200),
  'GET /partnerships/{partnershipId}/overdue-actions': onlyFor(
    [...PARTNERSHIP_WIDE, 'designated-safeguarding-lead'],
    scoped(200),
  ),
  'POST /meetings': onlyFor(CASE_ROLES, scoped('changes-data', 422)),
  'GET /meetings/{id}': caseRecord(200),
  'POST /meetings/{id}/action-log/circulated': caseRecord('changes-data'),
  'POST /meetings/{id}/minutes/circulated': caseRecord('changes-data'),
  'GET /audit/verify': onlyFor(AUDITORS, () => 200),
  'GET /audit/records/{subjectType}/{subjectId}': onlyFor(AUDITORS, scoped(200)),
  'GET /audit/records/{subjectType}/{subjectId}/access': onlyFor(AUDITORS, scoped(200)),
  // Always the caller's own feed: there is no path to anyone else's.
  'POST /me/calendar-feed': () => 'changes-data',
  'DELETE /me/calendar-feed': () => 204,
  'GET /me/notification-preferences': () => 200,
  'PUT /me/notification-preferences': () => 'changes-data',
};
/** No bearer token: a calendar feed's or action link's URL token is its own credential. */
const PUBLIC = new Set([
  'POST /dev/tokens',
  'GET /health',
  'GET /ready',
  'GET /calendar/{token}.ics',
  'GET /links/{token}',
  'POST /links/{token}',
]);

function requestBody(operation: string, objects: Objects): unknown {
  switch (operation) {
    case 'POST /partnerships':
      return { name: unique('Matrix Board'), nation: 'england-and-wales' };
    case 'POST /agencies':
      return {
        name: unique('Matrix Agency'),
        type: 'other',
        partnershipIds: [objects.partnership],
      };
    case 'PATCH /agencies/{id}':
      return { name: unique('Renamed Agency') };
    case 'PATCH /people/{id}':
      return { displayName: 'Renamed' };
    case 'POST /people':
      return {
        displayName: 'New',
        email: `${randomUUID()}@matrix.example`,
        agencyId: objects.agency,
        roles: ['practitioner'],
      };
    case 'POST /actions':
      return {
        title: 'Matrix',
        ownerId: objects.person,
        partnershipId: objects.partnership,
        dueAt: new Date().toISOString(),
      };
    case 'POST /actions/{id}/extension-request':
      return { proposedDueAt: '2030-01-31T17:30:00Z', reason: 'Matrix' };
    case 'POST /actions/{id}/extension-decision':
      return { decision: 'refuse' };
    case 'POST /actions/{id}/reassign':
      return { newOwnerId: objects.person };
    case 'POST /actions/{id}/cancel':
      return { reason: 'Matrix' };
    case 'POST /meetings':
      return meetingBody(objects.partnership, objects.person);
    case 'POST /partnerships/{partnershipId}/policy':
    case 'POST /partnerships/{partnershipId}/policy/validate':
      return { schemaVersion: 1 };
    default:
      return undefined;
  }
}

function meetingBody(partnershipId: string, personId: string) {
  return {
    partnershipId,
    type: 'professionals-meeting',
    heldAt: new Date().toISOString(),
    chairId: personId,
    minuteTakerId: personId,
    attendees: [],
    decisions: [],
    actions: [],
  };
}

function concretePath(path: string, objects: Objects): string {
  const resource = path.startsWith('/actions')
    ? objects.action
    : path.startsWith('/meetings')
      ? objects.meeting
      : path.startsWith('/people')
        ? objects.person
        : path.startsWith('/agencies')
          ? objects.agency
          : objects.partnership;
  return path
    .replace('{id}', resource)
    .replace('{partnershipId}', objects.partnership)
    .replace('{version}', '1')
    .replace('{subjectType}', 'action')
    .replace('{subjectId}', objects.action);
}

describe('access matrix', () => {
  let operations: string[];
  const tokens = new Map<Role, string>();
  const objects = {} as Record<Target, Objects>;

  beforeAll(async () => {
    const paths = (await get('/docs-json', null)).body.paths as Record<
      string,
      Record<string, unknown>
    >;
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );

    const home = await createPartnership();
    const elsewhere = await createPartnership();
    const [ownAgency, otherAgency, foreignAgency] = await Promise.all([
      createAgency('local-authority', [home.id]),
      createAgency('nhs-trust', [home.id]),
      createAgency('police', [elsewhere.id]),
    ]);
    for (const role of ROLES) {
      const person = await createPerson(`Matrix ${role}`, {
        agencyId: ownAgency.id,
        roles: [role],
      });
      tokens.set(role, await tokenFor(person.email));
    }
    const otherOwner = await createPerson('Other agency owner', { agencyId: otherAgency.id });
    const foreignOwner = await createPerson('Foreign owner', { agencyId: foreignAgency.id });
    const dueAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const meeting = async (partnershipId: string, person: string) =>
      (await post('/meetings', meetingBody(partnershipId, person))).body.id;
    objects.otherAgency = {
      action: (await postAction(otherOwner, { dueAt })).body.id,
      meeting: await meeting(home.id, otherOwner.id),
      person: otherOwner.id,
      agency: otherAgency.id,
      partnership: home.id,
    };
    objects.otherPartnership = {
      action: (await postAction(foreignOwner, { dueAt })).body.id,
      meeting: await meeting(elsewhere.id, foreignOwner.id),
      person: foreignOwner.id,
      agency: foreignAgency.id,
      partnership: elsewhere.id,
    };
  });

  it('has a rule for every endpoint in the route table', () => {
    const unruled = operations.filter((op) => !PUBLIC.has(op) && !(op in RULES));
    expect(unruled).toEqual([]);
  });

  it('answers 401 without a token and with a bad one, on every non-public endpoint', async () => {
    const failures: string[] = [];
    for (const operation of operations.filter((op) => !PUBLIC.has(op))) {
      const [method, path] = operation.split(' ');
      const url = concretePath(path, objects.otherAgency);
      for (const token of [null, 'not-a-token', `${[...tokens.values()][0]}x`]) {
        const response = await call(
          method,
          url,
          requestBody(operation, objects.otherAgency),
          token,
        );
        if (response.status !== 401 || !response.contentType.includes('application/problem+json')) {
          failures.push(
            `${operation} with token ${String(token).slice(0, 12)}: ${response.status}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives every role exactly its rights over records of another agency and another partnership', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const operation of operations.filter((op) => op in RULES)) {
      const [method, path] = operation.split(' ');
      for (const role of ROLES) {
        for (const target of ['otherAgency', 'otherPartnership'] as const) {
          const expected = RULES[operation](role, target);
          if (expected === 'changes-data') continue;
          const response = await call(
            method,
            concretePath(path, objects[target]),
            requestBody(operation, objects[target]),
            tokens.get(role),
          );
          checked += 1;
          if (response.status !== expected) {
            failures.push(
              `${operation} as ${role} on ${target}: ${response.status}, expected ${expected}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('never lists another partnership’s records', async () => {
    for (const role of ROLES) {
      const token = tokens.get(role);
      const listed = await Promise.all(
        ['/partnerships', '/agencies', '/people'].map((path) => get(path, token)),
      );
      const ids = listed.flatMap((response) => response.body.map((row: { id: string }) => row.id));
      expect(ids).not.toEqual(expect.arrayContaining([objects.otherPartnership.partnership]));
      for (const foreign of [objects.otherPartnership.agency, objects.otherPartnership.person]) {
        expect(ids).not.toContain(foreign);
      }
      expect(ids).toContain(objects.otherAgency.person);
    }
  });
});
