import { AGENCY_TYPES, ROLES, type AgencyType, type Role } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import {
  call,
  created,
  createAgency,
  createPartnership,
  createPerson,
  get,
  post,
  postAction,
  tokenFor,
  unique,
  type ApiResponse,
} from './support/http';
import { meetingRecordLedBy } from './support/meetings';

/**
 * Every endpoint × every role in every agency type × a record of another agency and of another
 * partnership (OWASP API1 broken object-level and API5 broken function-level authorisation).
 * Senior roles reach the whole partnership only in its local authority: the same title in a
 * trust, a police force or a care provider reaches that agency's own part and no more.
 * The endpoints come from the API's own route table (its OpenAPI document), so a new endpoint
 * fails here until someone writes down who may use it. Both directions are checked: what a role
 * may not do is refused, and what it may do is done for real, each cell on records of its own,
 * so a route that began refusing everyone fails here too.
 */
type Target = 'otherAgency' | 'otherPartnership';
type Objects = Record<
  'action' | 'meeting' | 'enquiry' | 'disagreement' | 'person' | 'agency' | 'partnership',
  string
>;
/**
 * The expected status, or 'changes-data' where an allowed write really happens: such a cell is
 * run on records of its own, as ALLOWED_WRITES says.
 */
type Expectation = number | 'changes-data';
type Rule = (role: Role, target: Target, agencyType: AgencyType) => Expectation;

const CASE_ROLES: Role[] = [
  'safeguarding-lead',
  'head-of-service',
  'designated-safeguarding-lead',
  'line-manager',
  'practitioner',
];
const SENIOR: Role[] = ['safeguarding-lead', 'head-of-service'];
const BOARD: Role[] = ['board-business-manager', 'board-chair'];
/** The agency type that holds a partnership's cases: the roles' home agency in the default cells. */
const LEADING: AgencyType = 'local-authority';
/** Sees every case of the partnership: a senior role in its local authority, nobody else. */
/**
 * Routes about cases and a partnership's casework: where the caller's agency type matters, so
 * they are checked for every type (the others, for the local authority's roles only).
 */
const CASE_ROUTE =
  /^\w+ \/(actions|meetings|enquiries|disagreements|audit|partnerships\/\{partnershipId\}\/(enquiries|disagreements|overdue-actions|statutory-return|escalation-log|timeliness)|agencies\/\{agencyId\}\/delegated-enquiries)/;
const wide = (role: Role, agencyType: AgencyType) =>
  SENIOR.includes(role) && agencyType === LEADING;

const onlyFor =
  (roles: Role[], then: Rule): Rule =>
  (role, target, agencyType) =>
    roles.includes(role) ? then(role, target, agencyType) : 403;
/** Only partnership-wide leads, and these other roles, reach the route at all (else 403). */
const partnershipWide =
  (alsoRoles: Role[], then: Rule): Rule =>
  (role, target, agencyType) =>
    wide(role, agencyType) || alsoRoles.includes(role) ? then(role, target, agencyType) : 403;
/** Same partnership: visible; another partnership: as if it did not exist. */
const scoped =
  (visible: Expectation, foreign = 404): Rule =>
  (_role, target) =>
    target === 'otherPartnership' ? foreign : visible;
const caseRecord = (visible: Expectation): Rule =>
  onlyFor(CASE_ROLES, (role, target, agencyType) =>
    target === 'otherPartnership' ? 404 : wide(role, agencyType) ? visible : 404,
  );
/**
 * The partnership's local authority holds every enquiry in it: all its case roles see one. Any
 * other agency sees only an enquiry it has a part in, and this one it has none.
 */
const enquiryRecord = (visible: Expectation): Rule =>
  onlyFor(CASE_ROLES, (_role, target, agencyType) =>
    target === 'otherPartnership' || agencyType !== LEADING ? 404 : visible,
  );
/**
 * The disagreement is between two other agencies' practitioners, at stage 1: only partnership-wide
 * leads see it (`lead`: what they get); the board would from stage 4; everyone else, 404.
 */
const disagreementRecord = (lead: Expectation): Rule =>
  onlyFor([...CASE_ROLES, ...BOARD], (role, target, agencyType) =>
    target === 'otherPartnership' ? 404 : wide(role, agencyType) ? lead : 404,
  );
/**
 * Commands on the enquiry: partnership-wide leads may (`lead`: what they get); the local
 * authority's other case roles see it and are refused; other agencies do not see it at all.
 */
const leadsOnly = (lead: Expectation): Rule =>
  onlyFor(CASE_ROLES, (role, target, agencyType) =>
    target === 'otherPartnership'
      ? 404
      : wide(role, agencyType)
        ? lead
        : agencyType === LEADING
          ? 403
          : 404,
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
  // Everyone's own record: there is no path to anyone else's.
  'GET /me': () => 200,
  // Names and emails: not for the board, which sees no one's details.
  'GET /people': onlyFor([...CASE_ROLES, 'admin'], () => 200),
  'GET /people/{id}': onlyFor([...CASE_ROLES, 'admin'], scoped(200)),
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
  'GET /me/overseen-overdue-actions': onlyFor(CASE_ROLES, () => 200),
  // Leads of any agency: the partnership's, or their own agency's (overdue items, no details).
  'GET /partnerships/{partnershipId}/overdue-actions': onlyFor(
    [...SENIOR, 'designated-safeguarding-lead'],
    scoped(200),
  ),
  'POST /meetings': onlyFor(CASE_ROLES, scoped('changes-data', 422)),
  // The policy's default due dates, offered to whoever records a meeting; the matrix sends no
  // query, so a caller past access control is refused the input.
  'GET /meetings/due-dates': onlyFor(CASE_ROLES, () => 400),
  'GET /meetings/{id}': caseRecord(200),
  'POST /meetings/{id}/action-log/circulated': caseRecord('changes-data'),
  'POST /meetings/{id}/minutes/circulated': caseRecord('changes-data'),
  // The local authority's safeguarding leads and the admins (whatever their agency).
  'GET /audit/verify': onlyFor(
    ['safeguarding-lead', 'admin'],
    partnershipWide(['admin'], () => 200),
  ),
  'GET /audit/records/{subjectType}/{subjectId}': onlyFor(
    ['safeguarding-lead', 'admin'],
    partnershipWide(['admin'], scoped(200)),
  ),
  'GET /audit/records/{subjectType}/{subjectId}/access': onlyFor(
    ['safeguarding-lead', 'admin'],
    partnershipWide(['admin'], scoped(200)),
  ),
  // Always the caller's own feed: there is no path to anyone else's.
  'POST /me/calendar-feed': () => 'changes-data',
  'DELETE /me/calendar-feed': () => 204,
  'GET /me/notification-preferences': () => 200,
  'PUT /me/notification-preferences': () => 'changes-data',
  'POST /enquiries': onlyFor(CASE_ROLES, scoped('changes-data', 422)),
  'GET /enquiries/{id}': enquiryRecord(200),
  // The enquiry is a concern just raised, triaged by someone else: a lead may acknowledge it,
  // and hears why anything further must wait (409); nobody else may act on it.
  'POST /enquiries/{id}/acknowledge': leadsOnly('changes-data'),
  'POST /enquiries/{id}/decision': leadsOnly(409),
  'POST /enquiries/{id}/strategy-discussion': leadsOnly(409),
  // The enquirer named works for another agency than the local authority.
  'POST /enquiries/{id}/lead': leadsOnly(422),
  'POST /enquiries/{id}/delegations': leadsOnly(409),
  'POST /enquiries/{id}/delegations/{delegationId}/accept': enquiryRecord(404),
  'POST /enquiries/{id}/delegations/{delegationId}/decline': enquiryRecord(404),
  'POST /enquiries/{id}/reports': leadsOnly(409),
  'POST /enquiries/{id}/reports/{reportId}/accept': leadsOnly(404),
  'POST /enquiries/{id}/reports/{reportId}/return': leadsOnly(404),
  'POST /enquiries/{id}/outcome': leadsOnly(409),
  'POST /enquiries/{id}/plan': leadsOnly(409),
  'POST /enquiries/{id}/plan/reviews': leadsOnly(409),
  'POST /enquiries/{id}/pause': leadsOnly(409),
  'POST /enquiries/{id}/resume': leadsOnly(409),
  'POST /enquiries/{id}/close': leadsOnly(409),
  'GET /partnerships/{partnershipId}/enquiries': partnershipWide([], scoped(200)),
  // Another agency's delegated enquiries: only partnership-wide leads; the agency's own people
  // see theirs (need-to-know e2e).
  'GET /agencies/{agencyId}/delegated-enquiries': onlyFor(CASE_ROLES, (role, target, agencyType) =>
    target === 'otherPartnership' ? 404 : wide(role, agencyType) ? 200 : 403,
  ),
  // Counts for partnership-wide leads and the board. The matrix sends no year, so a caller who
  // gets past access control is refused the input instead.
  'GET /partnerships/{partnershipId}/statutory-return': partnershipWide(BOARD, scoped(400)),
  // The escalation log, for the same readers; the matrix sends no period, so 400 past access.
  'GET /partnerships/{partnershipId}/escalation-log': partnershipWide(BOARD, scoped(400)),
  'GET /partnerships/{partnershipId}/timeliness': partnershipWide(BOARD, scoped(400)),
  'POST /disagreements': onlyFor(CASE_ROLES, scoped('changes-data', 422)),
  'GET /disagreements/{id}': disagreementRecord(200),
  // A lead who is not taking part at the stage: the workflow refuses what only its participants
  // may do (409); a lead may add in writing and may withdraw it.
  'POST /disagreements/{id}/acknowledge': disagreementRecord(409),
  'POST /disagreements/{id}/contributions': disagreementRecord('changes-data'),
  'POST /disagreements/{id}/resolve': disagreementRecord(409),
  'POST /disagreements/{id}/escalate': disagreementRecord(409),
  'POST /disagreements/{id}/withdraw': disagreementRecord('changes-data'),
  // Whoever may see it may say it is an immediate risk: safety before process.
  'POST /disagreements/{id}/immediate-risk': disagreementRecord('changes-data'),
  'GET /me/disagreements': onlyFor([...CASE_ROLES, ...BOARD], () => 200),
  'GET /partnerships/{partnershipId}/disagreements': partnershipWide(BOARD, scoped(200)),
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

const NO_RECORD = '00000000-0000-4000-8000-000000000000';
/** A month ahead, so nothing the matrix records is overdue and chased while it runs. */
const DUE_AT = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
/** Later than DUE_AT and in the future whenever the suite runs: an extension or a new due date. */
const LATER_DUE_AT = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString();

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
        dueAt: DUE_AT,
      };
    case 'POST /actions/{id}/extension-request':
      return { proposedDueAt: LATER_DUE_AT, reason: 'Matrix' };
    case 'POST /actions/{id}/extension-decision':
      return { decision: 'refuse' };
    case 'POST /actions/{id}/reassign':
      return { newOwnerId: objects.person };
    case 'POST /actions/{id}/cancel':
      return { reason: 'Matrix' };
    case 'POST /meetings':
      return meetingBody(objects.partnership, objects.person);
    case 'POST /meetings/{id}/action-log/circulated':
    case 'POST /meetings/{id}/minutes/circulated':
      return { recipientIds: [objects.person] };
    case 'POST /partnerships/{partnershipId}/policy':
    case 'POST /partnerships/{partnershipId}/policy/validate':
      return { schemaVersion: 1 };
    case 'PUT /me/notification-preferences':
      return { delivery: 'daily-digest' };
    case 'POST /enquiries':
      return enquiryBody(objects.partnership);
    case 'POST /enquiries/{id}/decision':
      return { dutyMet: true, reason: 'Matrix', consentSought: true, capacityView: 'has-capacity' };
    case 'POST /enquiries/{id}/strategy-discussion':
      return { meetingId: objects.meeting };
    case 'POST /enquiries/{id}/lead':
    case 'POST /enquiries/{id}/delegations/{delegationId}/accept':
      return { enquirerId: objects.person };
    case 'POST /enquiries/{id}/delegations':
      return {
        agencyId: objects.agency,
        contactId: objects.person,
        scope: 'Matrix',
        adultsViews: 'Matrix',
        desiredOutcomes: 'Matrix',
        capacityView: 'not-yet-assessed',
        periodFrom: '2026-01-01',
        periodTo: '2026-02-01',
        keyIssues: 'Matrix',
        sharingConsent: 'consented',
      };
    case 'POST /enquiries/{id}/delegations/{delegationId}/decline':
      return { reason: 'Matrix' };
    case 'POST /enquiries/{id}/reports':
      return { text: 'Matrix' };
    case 'POST /enquiries/{id}/reports/{reportId}/return':
      return { questions: 'Matrix', newDueAt: LATER_DUE_AT };
    case 'POST /enquiries/{id}/plan':
      return { leadId: objects.person, text: 'Matrix' };
    case 'POST /enquiries/{id}/pause':
      return { reason: 'other', note: 'Matrix' };
    case 'POST /disagreements':
      return disagreementBody(objects.partnership, objects.agency);
    case 'POST /disagreements/{id}/contributions':
      return { text: 'Matrix' };
    case 'POST /disagreements/{id}/resolve':
      return { outcome: 'Matrix' };
    case 'POST /disagreements/{id}/escalate':
    case 'POST /disagreements/{id}/withdraw':
    case 'POST /disagreements/{id}/immediate-risk':
      return { reason: 'Matrix' };
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
    ...meetingRecordLedBy(personId),
    actions: [],
  };
}

function enquiryBody(partnershipId: string) {
  return {
    partnershipId,
    receivedAt: new Date().toISOString(),
    source: 'anonymous',
    adult: { fullName: 'Matrix Adult' },
    riskTypes: ['self-neglect'],
    riskLocation: 'own-home',
    riskSource: 'other-unknown-to-individual',
    urgency: 'routine',
  };
}

function disagreementBody(partnershipId: string, otherAgencyId: string) {
  return {
    partnershipId,
    otherAgencyId,
    themes: ['other'],
    subject: 'Matrix',
    disagreement: 'Matrix',
    immediateRisk: false,
  };
}

function concretePath(path: string, objects: Objects): string {
  const resource = path.startsWith('/actions')
    ? objects.action
    : path.startsWith('/meetings')
      ? objects.meeting
      : path.startsWith('/enquiries')
        ? objects.enquiry
        : path.startsWith('/disagreements')
          ? objects.disagreement
          : path.startsWith('/people')
            ? objects.person
            : path.startsWith('/agencies')
              ? objects.agency
              : objects.partnership;
  return (
    path
      .replace('{id}', resource)
      .replace('{partnershipId}', objects.partnership)
      .replace('{version}', '1')
      .replace('{subjectType}', 'action')
      .replace('{subjectId}', objects.action)
      .replace('{agencyId}', objects.agency)
      // No such delegation or report: the enquiry is still a concern.
      .replace('{delegationId}', NO_RECORD)
      .replace('{reportId}', NO_RECORD)
  );
}

/** Records of their own for one cell, made by the e2e operator, who leads every partnership. */
const record = {
  action: async (objects: Objects) =>
    (
      await created('/actions', {
        title: 'Matrix',
        ownerId: objects.person,
        partnershipId: objects.partnership,
        dueAt: DUE_AT,
      })
    ).id as string,
  meeting: async (partnershipId: string, personId: string) =>
    (await created('/meetings', meetingBody(partnershipId, personId))).id as string,
  // Raised by the e2e operator, whose council is in every partnership it made and triages them.
  enquiry: async (partnershipId: string) =>
    (await created('/enquiries', enquiryBody(partnershipId))).id as string,
  // Raised by a person with a practitioner of a third agency: the roles' agency takes no part.
  disagreement: async (partnershipId: string, raiserId: string) => {
    const third = await createAgency('housing', [partnershipId]);
    await createPerson('Third agency practitioner', { agencyId: third.id });
    const raiser = (await get(`/people/${raiserId}`)).body;
    const raised = await post(
      '/disagreements',
      disagreementBody(partnershipId, third.id),
      await tokenFor(raiser.email),
    );
    if (raised.status !== 201) throw new Error(`POST /disagreements: ${raised.status}`);
    return raised.body.id as string;
  },
};

/** One allowed cell as it runs: the caller, and the records it acts on. */
interface Cell {
  role: Role;
  token: string;
  /** The roles' agency and its partnership. */
  callerAgencyId: string;
  homePartnershipId: string;
  objects: Objects;
}

/**
 * How an allowed write is shown to happen. Each cell first gets records of its own in the stage
 * the command needs, so no cell uses up another's; then the command must answer `status` (a 2xx,
 * or 409 where the stage makes it impossible, never 403 or 404); then, where it is cheap to look,
 * a reader must see the change.
 */
interface AllowedWrite {
  status: number;
  prepare?: (cell: Cell) => Promise<Cell>;
  body?: (cell: Cell) => Promise<unknown>;
  shows?: { change: string; seen: (answer: ApiResponse, cell: Cell) => Promise<boolean> };
}

/** Someone new with the cell's role: for commands on the caller's own settings or agency. */
async function freshCaller(cell: Cell, agencyId = cell.callerAgencyId): Promise<Cell> {
  const person = await createPerson(`Matrix ${cell.role}`, { agencyId, roles: [cell.role] });
  return { ...cell, callerAgencyId: agencyId, token: await tokenFor(person.email) };
}
const withObjects = async (cell: Cell, fresh: Partial<Objects>): Promise<Cell> => ({
  ...cell,
  objects: { ...cell.objects, ...fresh },
});
const freshAction = async (cell: Cell) =>
  withObjects(cell, { action: await record.action(cell.objects) });
const freshMeeting = async (cell: Cell) =>
  withObjects(cell, {
    meeting: await record.meeting(cell.objects.partnership, cell.objects.person),
  });
const freshEnquiry = async (cell: Cell) =>
  withObjects(cell, { enquiry: await record.enquiry(cell.objects.partnership) });
const freshDisagreement = async (cell: Cell) =>
  withObjects(cell, {
    disagreement: await record.disagreement(cell.objects.partnership, cell.objects.person),
  });
const freshPerson = async (cell: Cell) =>
  withObjects(cell, {
    person: (await createPerson('Matrix subject', { agencyId: cell.objects.agency })).id,
  });

/** Reads back as the e2e operator unless another token is given; undefined unless 200. */
async function readBack(path: string, token?: string): Promise<any> {
  const response = await get(path, token);
  return response.status === 200 ? response.body : undefined;
}
const readable = (path: (answer: ApiResponse, cell: Cell) => string, asCaller = false) => ({
  change: 'readable afterwards',
  seen: async (answer: ApiResponse, cell: Cell) =>
    (await readBack(path(answer, cell), asCaller ? cell.token : undefined))?.id === answer.body.id,
});
const actionStatus = (status: string) => ({
  change: `action ${status}`,
  seen: async (_answer: ApiResponse, cell: Cell) =>
    (await readBack(`/actions/${cell.objects.action}`))?.status === status,
});
const circulated = (kind: 'action-log' | 'minutes') => ({
  change: `${kind} completed`,
  seen: async (_answer: ApiResponse, cell: Cell) =>
    (await readBack(`/meetings/${cell.objects.meeting}`))?.items.find(
      (item: { kind: string }) => item.kind === kind,
    )?.status === 'completed',
});

const ALLOWED_WRITES: Record<string, AllowedWrite> = {
  // The creator's agency joins the new partnership: a caller in an agency of its own keeps that
  // from widening every other cell's callers.
  'POST /partnerships': {
    status: 201,
    prepare: async (cell) =>
      freshCaller(cell, (await createAgency('other', [cell.homePartnershipId])).id),
    shows: readable((answer) => `/partnerships/${answer.body.id}`, true),
  },
  'POST /agencies': {
    status: 201,
    shows: readable((answer) => `/agencies/${answer.body.id}`, true),
  },
  'PATCH /agencies/{id}': {
    status: 200,
    prepare: async (cell) =>
      withObjects(cell, { agency: (await createAgency('other', [cell.objects.partnership])).id }),
    shows: {
      change: 'renamed',
      seen: async (_answer, cell) =>
        /^Renamed Agency/.test((await readBack(`/agencies/${cell.objects.agency}`))?.name),
    },
  },
  'POST /people': {
    status: 201,
    shows: readable((answer) => `/people/${answer.body.id}`, true),
  },
  'PATCH /people/{id}': {
    status: 200,
    prepare: freshPerson,
    shows: {
      change: 'renamed',
      seen: async (_answer, cell) =>
        (await readBack(`/people/${cell.objects.person}`))?.displayName === 'Renamed',
    },
  },
  'POST /people/{id}/deactivate': {
    status: 200,
    prepare: freshPerson,
    shows: {
      change: 'inactive',
      seen: async (_answer, cell) =>
        (await readBack(`/people/${cell.objects.person}`))?.active === false,
    },
  },
  // The current document again: a new version with the same timetable, so the items other cells
  // start are chased as before.
  'POST /partnerships/{partnershipId}/policy': {
    status: 201,
    body: async (cell) =>
      (await readBack(`/partnerships/${cell.objects.partnership}/policy`)).document,
    shows: {
      change: 'the current version',
      seen: async (answer, cell) =>
        (await readBack(`/partnerships/${cell.objects.partnership}/policy`))?.version ===
        answer.body.version,
    },
  },
  'POST /actions': {
    status: 201,
    shows: readable((answer) => `/actions/${answer.body.id}`),
  },
  'POST /actions/{id}/complete': {
    status: 200,
    prepare: freshAction,
    shows: actionStatus('completed'),
  },
  'POST /actions/{id}/cancel': {
    status: 200,
    prepare: freshAction,
    shows: actionStatus('cancelled'),
  },
  'POST /meetings': {
    status: 201,
    shows: readable((answer) => `/meetings/${answer.body.id}`),
  },
  'POST /meetings/{id}/action-log/circulated': {
    status: 200,
    prepare: freshMeeting,
    shows: circulated('action-log'),
  },
  'POST /meetings/{id}/minutes/circulated': {
    status: 200,
    prepare: freshMeeting,
    shows: circulated('minutes'),
  },
  // The caller's own feed: a new one replaces the last, so each cell has its own caller.
  'POST /me/calendar-feed': {
    status: 201,
    prepare: freshCaller,
    shows: {
      change: 'the feed serves',
      seen: async (answer) => (await fetch(answer.body.url)).status === 200,
    },
  },
  'PUT /me/notification-preferences': {
    status: 200,
    prepare: freshCaller,
    shows: {
      change: 'daily digest',
      seen: async (_answer, cell) =>
        (await readBack('/me/notification-preferences', cell.token))?.delivery === 'daily-digest',
    },
  },
  'POST /enquiries': {
    status: 201,
    shows: readable((answer) => `/enquiries/${answer.body.id}`),
  },
  'POST /enquiries/{id}/acknowledge': {
    status: 200,
    prepare: freshEnquiry,
    shows: {
      change: 'at the decision stage',
      seen: async (_answer, cell) =>
        (await readBack(`/enquiries/${cell.objects.enquiry}`))?.stage === 'decision',
    },
  },
  'POST /disagreements': {
    status: 201,
    shows: readable((answer) => `/disagreements/${answer.body.id}`),
  },
  'POST /disagreements/{id}/contributions': {
    status: 200,
    prepare: freshDisagreement,
    shows: {
      change: 'contribution recorded',
      seen: async (_answer, cell) =>
        (await readBack(`/disagreements/${cell.objects.disagreement}`))?.records.at(-1)?.kind ===
        'contribution',
    },
  },
  'POST /disagreements/{id}/immediate-risk': {
    status: 200,
    prepare: freshDisagreement,
    shows: {
      change: 'immediate risk, at stage 3',
      seen: async (_answer, cell) => {
        const shown = await readBack(`/disagreements/${cell.objects.disagreement}`);
        return shown?.immediateRisk === true && shown?.stage === 3;
      },
    },
  },
  'POST /disagreements/{id}/withdraw': {
    status: 200,
    prepare: freshDisagreement,
    shows: {
      change: 'withdrawn',
      seen: async (_answer, cell) =>
        (await readBack(`/disagreements/${cell.objects.disagreement}`))?.status === 'withdrawn',
    },
  },
};

/** Runs `work` on every item, a few at a time: enough to be quick, few enough for a small box. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>, width = 8) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe('access matrix', () => {
  let operations: string[];
  /** The roles in the local authority: the cells that also make the writes they are allowed. */
  const tokens = new Map<Role, string>();
  /** Every role in an agency of every type, all in the home partnership: `${type} ${role}`. */
  const tokensByType = new Map<string, string>();
  const objects = {} as Record<Target, Objects>;
  let callerAgencyId: string;
  let homePartnershipId: string;

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
    for (const agencyType of AGENCY_TYPES) {
      const agencyId =
        agencyType === LEADING ? ownAgency.id : (await createAgency(agencyType, [home.id])).id;
      await inParallel([...ROLES], async (role) => {
        const person = await createPerson(`Matrix ${role}`, { agencyId, roles: [role] });
        tokensByType.set(`${agencyType} ${role}`, await tokenFor(person.email));
      });
    }
    for (const role of ROLES) tokens.set(role, tokensByType.get(`${LEADING} ${role}`)!);
    const otherOwner = await createPerson('Other agency owner', { agencyId: otherAgency.id });
    const foreignOwner = await createPerson('Foreign owner', { agencyId: foreignAgency.id });
    callerAgencyId = ownAgency.id;
    homePartnershipId = home.id;
    objects.otherAgency = {
      action: (await postAction(otherOwner, { dueAt: DUE_AT })).body.id,
      meeting: await record.meeting(home.id, otherOwner.id),
      enquiry: await record.enquiry(home.id),
      disagreement: await record.disagreement(home.id, otherOwner.id),
      person: otherOwner.id,
      agency: otherAgency.id,
      partnership: home.id,
    };
    objects.otherPartnership = {
      action: (await postAction(foreignOwner, { dueAt: DUE_AT })).body.id,
      meeting: await record.meeting(elsewhere.id, foreignOwner.id),
      enquiry: await record.enquiry(elsewhere.id),
      disagreement: await record.disagreement(elsewhere.id, foreignOwner.id),
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

  it('gives every role in every agency type exactly its rights over records of another agency and another partnership', async () => {
    const cells = operations
      .filter((op) => op in RULES)
      .flatMap((operation) =>
        (CASE_ROUTE.test(operation) ? AGENCY_TYPES : [LEADING]).flatMap((agencyType) =>
          ROLES.flatMap((role) =>
            (['otherAgency', 'otherPartnership'] as const).map((target) => ({
              operation,
              agencyType,
              role,
              target,
              expected: RULES[operation](role, target, agencyType),
            })),
          ),
        ),
      )
      .filter((cell) => cell.expected !== 'changes-data');
    const failures: string[] = [];
    await inParallel(cells, async ({ operation, agencyType, role, target, expected }) => {
      const [method, path] = operation.split(' ');
      const response = await call(
        method,
        concretePath(path, objects[target]),
        requestBody(operation, objects[target]),
        tokensByType.get(`${agencyType} ${role}`),
      );
      if (response.status !== expected) {
        failures.push(
          `${operation} as ${role} of a ${agencyType} on ${target}: ${response.status}, expected ${expected}`,
        );
      }
    });
    expect(failures.sort()).toEqual([]);
    expect(cells.length).toBeGreaterThan(2000);
  }, 300_000);

  it('lets every role make each write it is allowed, on records of its own', async () => {
    const cells = operations.flatMap((operation) =>
      operation in RULES
        ? ROLES.flatMap((role) =>
            (['otherAgency', 'otherPartnership'] as const)
              .filter((target) => RULES[operation](role, target, LEADING) === 'changes-data')
              .map((target) => ({ operation, role, target })),
          )
        : [],
    );
    const failures: string[] = [];
    await inParallel(cells, async ({ operation, role, target }) => {
      const write = ALLOWED_WRITES[operation];
      if (!write) {
        failures.push(`${operation}: allowed, but ALLOWED_WRITES does not say how to show it`);
        return;
      }
      const [method, path] = operation.split(' ');
      const shared: Cell = {
        role,
        token: tokens.get(role)!,
        callerAgencyId,
        homePartnershipId,
        objects: objects[target],
      };
      const cell = write.prepare ? await write.prepare(shared) : shared;
      const answer = await call(
        method,
        concretePath(path, cell.objects),
        write.body ? await write.body(cell) : requestBody(operation, cell.objects),
        cell.token,
      );
      const where = `${operation} as ${role} on ${target}`;
      if (answer.status !== write.status) {
        failures.push(
          `${where}: ${answer.status}, expected ${write.status} ${JSON.stringify(answer.body)}`,
        );
      } else if (write.shows && !(await write.shows.seen(answer, cell))) {
        failures.push(`${where}: answered ${answer.status} but not ${write.shows.change}`);
      }
    });
    expect(failures).toEqual([]);
    // The 74 cells of today's rules; fewer means a rule stopped allowing what it did.
    expect(cells.length).toBeGreaterThanOrEqual(74);
  }, 120_000);

  it('never lists another partnership’s records', async () => {
    for (const role of ROLES) {
      const token = tokens.get(role);
      // The board reads no one's details, so no list of people either (see the rules above).
      const readsPeople = [...CASE_ROLES, 'admin'].includes(role);
      const paths = ['/partnerships', '/agencies', ...(readsPeople ? ['/people'] : [])];
      const listed = await Promise.all(paths.map((path) => get(path, token)));
      const ids = listed.flatMap((response) => response.body.map((row: { id: string }) => row.id));
      expect(ids).not.toEqual(expect.arrayContaining([objects.otherPartnership.partnership]));
      for (const foreign of [objects.otherPartnership.agency, objects.otherPartnership.person]) {
        expect(ids).not.toContain(foreign);
      }
      if (readsPeople) expect(ids).toContain(objects.otherAgency.person);
      else expect((await get('/people', token)).status).toBe(403);
    }
  });
});
