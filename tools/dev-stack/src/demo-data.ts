import { bootstrapAdmin, devToken } from './access';

/**
 * Demo data a new user can click through, seeded through the public API so it exercises the
 * same path as real use. Safe on every start: records that exist already are found, not doubled.
 * Everyone here is fictional; emails use reserved example domains.
 */
interface DemoPerson {
  key: string;
  displayName: string;
  roles: string[];
  /** Key of the line manager, seeded earlier in the list. */
  manager?: string;
}

interface DemoAgency {
  name: string;
  type: string;
  domain: string;
  people: DemoPerson[];
}

const PARTNERSHIP = { name: 'Northshire Safeguarding Adults Board', nation: 'england-and-wales' };

const AGENCIES: DemoAgency[] = [
  {
    name: 'Northshire County Council',
    type: 'local-authority',
    domain: 'northshire-council.example',
    people: [
      { key: 'la-head', displayName: 'Helen Ward', roles: ['head-of-service', 'line-manager'] },
      {
        key: 'la-lead',
        displayName: 'Alex Morgan',
        roles: ['safeguarding-lead', 'designated-safeguarding-lead', 'line-manager'],
        manager: 'la-head',
      },
      { key: 'la-worker', displayName: 'Jordan Reid', roles: ['practitioner'], manager: 'la-lead' },
      { key: 'la-admin', displayName: 'Chris Taylor', roles: ['admin'], manager: 'la-head' },
      {
        key: 'board-manager',
        displayName: 'Morgan Ellis',
        roles: ['board-business-manager'],
        manager: 'la-head',
      },
    ],
  },
  {
    name: 'Northshire Police',
    type: 'police',
    domain: 'northshire-police.example',
    people: [
      {
        key: 'police-dsl',
        displayName: 'Inspector Sam Okafor',
        roles: ['designated-safeguarding-lead', 'line-manager'],
      },
      {
        key: 'police-ds',
        displayName: 'DS Dan Hughes',
        roles: ['practitioner'],
        manager: 'police-dsl',
      },
    ],
  },
  {
    name: 'Northshire Hospitals NHS Trust',
    type: 'nhs-trust',
    domain: 'northshire-nhs.example',
    people: [
      {
        key: 'nhs-dsl',
        displayName: 'Ruth Abara',
        roles: ['designated-safeguarding-lead', 'line-manager'],
      },
      { key: 'nhs-nurse', displayName: 'Priya Shah', roles: ['practitioner'], manager: 'nhs-dsl' },
    ],
  },
  {
    name: 'Riverside Medical Practice',
    type: 'gp-practice-or-icb',
    domain: 'riverside-gp.example',
    people: [
      {
        key: 'gp-lead',
        displayName: 'Dr Tom Fielding',
        roles: ['designated-safeguarding-lead', 'line-manager'],
      },
      { key: 'gp-nurse', displayName: 'Amy Clarke', roles: ['practitioner'], manager: 'gp-lead' },
    ],
  },
  {
    name: 'Meadowbank Care Homes',
    type: 'care-provider',
    domain: 'meadowbank-care.example',
    people: [
      {
        key: 'care-manager',
        displayName: 'Lena Novak',
        roles: ['designated-safeguarding-lead', 'line-manager'],
      },
      {
        key: 'care-worker',
        displayName: 'Kwame Mensah',
        roles: ['practitioner'],
        manager: 'care-manager',
      },
    ],
  },
  {
    name: 'Northshire Homes Housing Association',
    type: 'housing',
    domain: 'northshire-homes.example',
    people: [
      {
        key: 'housing-lead',
        displayName: 'Beth Lloyd',
        roles: ['designated-safeguarding-lead', 'line-manager'],
      },
      {
        key: 'housing-officer',
        displayName: 'Omar Haddad',
        roles: ['practitioner'],
        manager: 'housing-lead',
      },
    ],
  },
];

/** The demo people to act as: the partnership's admin, the council's safeguarding lead, a nurse. */
type DemoRole = 'admin' | 'lead' | 'practitioner';

export interface DemoData {
  partnershipId: string;
  /** Their emails, for a token from the development issuer (devToken). */
  emails: Record<DemoRole, string>;
  /** Shell commands that put a token for a demo person into $TOKEN. */
  tokenCommands: Record<DemoRole, string>;
  /** Whom to sign in as in the browser, and what is waiting for each of them. */
  signInAs: Array<{ who: string; email: string; waiting: string }>;
  ownerId: string;
  actionId: string;
  actionReference: string;
  actionDueAt: string;
  meetingId: string;
  meetingReference: string;
  enquiryId: string;
  enquiryReference: string;
  disagreementId: string;
  disagreementReference: string;
}

function emailOf(person: DemoPerson, agency: DemoAgency): string {
  return `${person.displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@${agency.domain}`;
}

const [COUNCIL] = AGENCIES;
const ADMIN = COUNCIL.people.find((person) => person.roles.includes('admin')) as DemoPerson;
const LEAD = COUNCIL.people.find((person) =>
  person.roles.includes('safeguarding-lead'),
) as DemoPerson;

export async function seedDemoData(stack: {
  apiUrl: string;
  databaseUrl: string;
}): Promise<DemoData> {
  // The partnership's first admin comes in through the operator's bootstrap command; everything
  // else goes through the API with that admin's token, as it would for a real partnership.
  await bootstrapAdmin(stack.databaseUrl, {
    partnership: PARTNERSHIP.name,
    nation: PARTNERSHIP.nation,
    agency: COUNCIL.name,
    agencyType: COUNCIL.type,
    name: ADMIN.displayName,
    email: emailOf(ADMIN, COUNCIL),
    roles: ADMIN.roles,
  });
  const api = new DemoApi(stack.apiUrl, await devToken(stack.apiUrl, emailOf(ADMIN, COUNCIL)));
  const partnership = await api.ensure(
    '/partnerships',
    PARTNERSHIP,
    (p) => p.name === PARTNERSHIP.name,
  );
  const people = new Map<string, string>();
  const agencyOf = new Map<string, string>();
  for (const agency of AGENCIES) {
    const { id: agencyId } = await api.ensure(
      '/agencies',
      { name: agency.name, type: agency.type, partnershipIds: [partnership.id] },
      (a) => a.name === agency.name,
    );
    for (const person of agency.people) {
      const email = emailOf(person, agency);
      const { id } = await api.ensure(
        '/people',
        {
          displayName: person.displayName,
          email,
          agencyId,
          roles: person.roles,
          ...(person.manager ? { lineManagerId: people.get(person.manager) } : {}),
        },
        (p) => p.email === email,
      );
      people.set(person.key, id);
      agencyOf.set(person.key, agencyId);
    }
  }
  const ownerId = people.get('nhs-nurse') as string;
  const dueAt = new Date(Date.now() + 60_000).toISOString();
  const lead = new DemoApi(stack.apiUrl, await devToken(stack.apiUrl, emailOf(LEAD, COUNCIL)));
  const action = await lead.post('/actions', {
    title: 'Share the hospital discharge summary with the enquiry manager',
    ownerId,
    partnershipId: partnership.id,
    dueAt,
    // Urgent, so its reminder arrives a minute from now even in quiet hours.
    urgent: true,
  });
  // A strategy discussion held three days ago: its action log is overdue, so the minute-taker is
  // being chased, and one agreed action is already past its date.
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
  const meeting = await lead.post('/meetings', {
    partnershipId: partnership.id,
    type: 'strategy-discussion',
    heldAt: daysAgo(3),
    chairId: people.get('la-lead'),
    minuteTakerId: people.get('la-worker'),
    attendees: ['la-lead', 'la-worker', 'police-ds', 'nhs-nurse', 'care-manager'].map((key) => ({
      personId: people.get(key),
      agencyId: agencyOf.get(key),
    })),
    caseReference: 'NSC-2026-004417',
    decisions: [
      'Section 42 enquiry to proceed; the care home manager to be interviewed by the police first.',
    ],
    adult: {
      attended: false,
      views:
        'Wants to stay at Elm House, near her daughter, but not with the night carer involved.',
      response: 'The night carer is moved off her floor while the enquiry runs.',
    },
    othersViews: [{ voice: 'family', views: 'Her daughter wants the medication records checked.' }],
    risk: {
      risks: ['Missed evening medication', 'Rough handling at night'],
      leadId: people.get('la-lead'),
      capacityConcerns: true,
      capacityAddressed: 'The social worker assesses her capacity to decide where to live.',
      sharedWithAdult: 'The social worker explains the plan to her on Thursday.',
    },
    actions: [
      {
        title: 'Confirm whether a crime report has been recorded',
        ownerId: people.get('police-ds'),
        dueAt: daysAgo(1),
        rationale: 'The enquiry must not prejudice a criminal investigation.',
      },
      {
        title: 'Review the care plan and medication records',
        ownerId: people.get('care-manager'),
        dueAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
        rationale: 'The concern relates to missed medication.',
      },
    ],
    reviewAt: new Date(Date.now() + 42 * 24 * 3600 * 1000).toISOString(),
  });
  // The concern that strategy discussion was about: a fictional adult, the duty met, and the
  // enquiry caused to the hospital trust, whose designated lead has two working days to accept.
  const concern = await lead.post('/enquiries', {
    partnershipId: partnership.id,
    receivedAt: daysAgo(4),
    source: 'care-provider',
    referrerAgencyId: agencyOf.get('care-manager'),
    adult: { fullName: 'Demo Person (fictional)', dateOfBirth: '1941-06-02' },
    riskTypes: ['neglect-and-acts-of-omission'],
    riskLocation: 'care-home-residential',
    riskSource: 'service-provider',
    urgency: 'routine',
    triageWorkerId: people.get('la-worker'),
  });
  const enquiryPath = `/enquiries/${concern.id}`;
  await lead.post(`${enquiryPath}/acknowledge`, { enquiryManagerId: people.get('la-lead') });
  await lead.post(`${enquiryPath}/decision`, {
    dutyMet: true,
    reason: 'Care and support needs; at risk of neglect; unable to protect themself.',
    consentSought: true,
    capacityView: 'lacks-capacity',
  });
  await lead.post(`${enquiryPath}/strategy-discussion`, { meetingId: meeting.id });
  await lead.post(`${enquiryPath}/delegations`, {
    agencyId: agencyOf.get('nhs-dsl'),
    scope: 'Medication administration during the hospital admission in the period under review.',
    adultsViews: 'Wants to return to the care home and to be involved in decisions.',
    desiredOutcomes: 'To feel safe and to get the right medication on time.',
    capacityView: 'lacks-capacity',
    periodFrom: daysAgo(60).slice(0, 10),
    periodTo: daysAgo(4).slice(0, 10),
    keyIssues: 'Missed doses recorded on two wards; discharge medication not reconciled.',
    // She lacks capacity to decide on sharing; the trust must know to make its enquiry.
    sharingConsent: 'overridden',
    sharingOverriddenOn: 'lacks-capacity',
  });

  // The police and the care home disagree about sharing the care records: stage 1, between the
  // two practitioners, with a working week to resolve it.
  const police = AGENCIES.find((agency) => agency.type === 'police') as DemoAgency;
  const detective = police.people.find((person) => person.key === 'police-ds') as DemoPerson;
  const raiser = new DemoApi(
    stack.apiUrl,
    await devToken(stack.apiUrl, emailOf(detective, police)),
  );
  const disagreement = await raiser.post('/disagreements', {
    partnershipId: partnership.id,
    otherPersonId: people.get('care-worker'),
    themes: ['information-sharing'],
    subject: 'Access to the care records before interview',
    disagreement:
      'The care home will not share the medication records until the police ask in writing.',
    immediateRisk: false,
  });

  const tokenCommand = (email: string) =>
    `TOKEN=$(curl -s -X POST ${stack.apiUrl}/dev/tokens -H 'content-type: application/json' -d '{"email":"${email}"}' | sed 's/.*"accessToken":"\\([^"]*\\)".*/\\1/')`;
  const nhs = AGENCIES.find((agency) => agency.type === 'nhs-trust') as DemoAgency;
  const nurse = nhs.people.find((person) => person.key === 'nhs-nurse') as DemoPerson;
  const person = (key: string) => {
    const agency = AGENCIES.find((each) => each.people.some((p) => p.key === key)) as DemoAgency;
    const found = agency.people.find((p) => p.key === key) as DemoPerson;
    return `${found.displayName} (${emailOf(found, agency)})`;
  };
  const emails = {
    admin: emailOf(ADMIN, COUNCIL),
    lead: emailOf(LEAD, COUNCIL),
    practitioner: emailOf(nurse, nhs),
  };
  return {
    partnershipId: partnership.id,
    emails,
    signInAs: [
      {
        who: 'a practitioner',
        email: person('nhs-nurse'),
        waiting: `action ${action.reference}, due now`,
      },
      {
        who: 'her line manager and the trust’s designated lead',
        email: person('nhs-dsl'),
        waiting: `enquiry ${concern.reference}, delegated to the trust`,
      },
      {
        who: 'a detective',
        email: person('police-ds'),
        waiting: `disagreement ${disagreement.reference} (raised), an overdue action`,
      },
      {
        who: 'the other side of that disagreement',
        email: person('care-worker'),
        waiting: `disagreement ${disagreement.reference}, to acknowledge`,
      },
      {
        who: 'a care home manager',
        email: person('care-manager'),
        waiting: 'an action from the strategy discussion',
      },
    ],
    tokenCommands: {
      admin: tokenCommand(emails.admin),
      lead: tokenCommand(emails.lead),
      practitioner: tokenCommand(emails.practitioner),
    },
    ownerId,
    actionId: action.id,
    actionReference: action.reference,
    actionDueAt: dueAt,
    meetingId: meeting.id,
    meetingReference: meeting.reference,
    enquiryId: concern.id,
    enquiryReference: concern.reference,
    disagreementId: disagreement.id,
    disagreementReference: disagreement.reference,
  };
}

type Row = { id: string; reference: string; [field: string]: unknown };

class DemoApi {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  /** Creates the record, or finds the one a previous start created (409 on its unique field). */
  async ensure(path: string, body: unknown, isSame: (row: Row) => boolean): Promise<Row> {
    const response = await this.request('POST', path, body);
    if (response.status === 409) {
      const existing = ((await (await this.request('GET', path)).json()) as Row[]).find(isSame);
      if (existing) return existing;
    }
    return this.parse(path, response);
  }

  async post(path: string, body: unknown): Promise<Row> {
    return this.parse(path, await this.request('POST', path, body));
  }

  private request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  private async parse(path: string, response: Response): Promise<Row> {
    if (!response.ok)
      throw new Error(`seeding ${path} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as Row;
  }
}
