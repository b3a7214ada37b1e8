import { escalationLogCsv } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { adminToken, apiUrl, stackAppEnv } from './support/e2e-env';
import {
  createAgency,
  createPartnership,
  createPerson,
  created,
  get,
  tokenFor,
  unique,
  type TestPerson,
} from './support/http';

interface Agency {
  id: string;
  name: string;
  type: string;
}

interface SeededDisagreement {
  partnershipId?: string;
  reference: string;
  raisedAt: string;
  status: 'open' | 'resolved' | 'withdrawn';
  closedAt?: string;
  highestStage: number | null;
  immediateRisk?: boolean;
  themes: string[];
  raiser: Agency;
  other: Agency;
}

/** What the people involved wrote, and who they are: none of it may reach the log. */
const CASE_REFERENCE = 'NHS 943 476 5919';
const CONCERN_TEXT = 'Mrs Example was discharged home without a care package';

/**
 * The board's escalation log of professional disagreements, over HTTP as JSON and CSV. The
 * disagreements are written straight into Postgres (the disagreements API is not needed), so the
 * test fixes exactly what was recorded and when, around the edges of the period (midnight BST),
 * and in a Scottish partnership, whose bank holidays differ from England's at Easter.
 */
describe('escalation log', () => {
  let sql: Client;
  let partnershipId: string;
  let raiser: TestPerson;
  let otherPerson: TestPerson;
  let council: Agency;
  let police: Agency;
  let trust: Agency;
  const run = randomUUID().slice(0, 8);
  const ref = (letter: string) => `PD-E2E-${run}-${letter}`;

  beforeAll(async () => {
    sql = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await sql.connect();
    partnershipId = (await createPartnership('scotland')).id;
    const agency = async (name: string, type: string): Promise<Agency> => {
      const made = await created('/agencies', {
        name: unique(name),
        type,
        partnershipIds: [partnershipId],
      });
      return { id: made.id, name: made.name, type: made.type };
    };
    council = await agency('Escalation Log Council', 'local-authority');
    police = await agency('Escalation Log Police', 'police');
    trust = await agency('Escalation Log Health, "Care" Trust', 'nhs-trust');
    raiser = await createPerson('Disagreeing Practitioner', { agencyId: council.id });
    otherPerson = await createPerson('Other Practitioner', { agencyId: police.id });

    // 00:30 BST on 1 April: the first of the period. Resolved on Monday 7 April: 4 working days.
    await disagreement({
      reference: ref('A'),
      raisedAt: '2025-03-31T23:30:00Z',
      status: 'resolved',
      closedAt: '2025-04-07T14:00:00Z',
      highestStage: 1,
      themes: ['threshold-for-intervention'],
      raiser: council,
      other: trust,
    });
    // Thursday 17 April to Tuesday 22 April: Good Friday is a holiday in Scotland, Easter Monday
    // is not, so 2 working days (in England it would be 1).
    await disagreement({
      reference: ref('B'),
      raisedAt: '2025-04-17T09:00:00Z',
      status: 'resolved',
      closedAt: '2025-04-22T10:00:00Z',
      highestStage: 3,
      immediateRisk: true,
      themes: ['information-sharing', 'risk-assessment'],
      raiser: trust,
      other: police,
    });
    await disagreement({
      reference: ref('C'),
      raisedAt: '2025-05-06T09:00:00Z',
      status: 'open',
      highestStage: 4,
      themes: ['discharge-or-case-closure'],
      raiser: council,
      other: police,
    });
    await disagreement({
      reference: ref('D'),
      raisedAt: '2025-06-02T09:00:00Z',
      status: 'withdrawn',
      closedAt: '2025-06-05T09:00:00Z',
      highestStage: 2,
      themes: ['other'],
      raiser: police,
      other: council,
    });
    // Just before and just after the period (23:59:59 BST on 31 March; 00:00 BST on 1 July).
    for (const [letter, raisedAt] of [
      ['BEFORE', '2025-03-31T22:59:59Z'],
      ['AFTER', '2025-06-30T23:00:00Z'],
    ]) {
      await disagreement({
        reference: ref(letter),
        raisedAt,
        status: 'open',
        highestStage: 1,
        themes: ['other'],
        raiser: council,
        other: police,
      });
    }
    // Another partnership's disagreement, in the period.
    await disagreement({
      partnershipId: (await createPartnership()).id,
      reference: ref('FOREIGN'),
      raisedAt: '2025-05-06T09:00:00Z',
      status: 'open',
      highestStage: 1,
      themes: ['other'],
      raiser: council,
      other: police,
    });
  });
  afterAll(async () => {
    await sql.end();
  });

  async function disagreement(seed: SeededDisagreement): Promise<void> {
    const id = randomUUID();
    await sql.query(
      `INSERT INTO disagreements (id, reference, partnership_id, policy_version, raised_by_id,
         raiser_agency_id, other_person_id, other_agency_id, case_reference, themes,
         immediate_risk, raised_at, status, highest_stage, closed_at, process_version,
         workflow_id, created_at, updated_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, now(),
         now())`,
      [
        id,
        seed.reference,
        seed.partnershipId ?? partnershipId,
        raiser.id,
        seed.raiser.id,
        otherPerson.id,
        seed.other.id,
        CASE_REFERENCE,
        seed.themes,
        seed.immediateRisk ?? false,
        seed.raisedAt,
        seed.status,
        seed.highestStage,
        seed.closedAt ?? null,
        `disagreement-${id}`,
      ],
    );
    await sql.query(
      `INSERT INTO disagreement_records (id, disagreement_id, kind, stage, text, author_id,
         created_at)
       VALUES ($1, $2, 'concern', 1, $3, $4, now())`,
      [randomUUID(), id, CONCERN_TEXT, raiser.id],
    );
  }

  const path = (query: string) => `/partnerships/${partnershipId}/escalation-log?${query}`;
  const QUARTER = 'from=2025-04-01&to=2025-06-30';

  function fetchAsOperator(query: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${apiUrl()}${path(query)}`, {
      headers: { authorization: `Bearer ${adminToken()}`, ...headers },
    });
  }

  it('logs the disagreements raised in the period, with its summary', async () => {
    const response = await get(path(QUARTER));
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('application/json');
    const { summary, entries, ...rest } = response.body;
    expect(rest).toEqual({ partnershipId, from: '2025-04-01', to: '2025-06-30' });
    expect(entries).toEqual([
      {
        reference: ref('A'),
        raisedOn: '2025-04-01',
        raiserAgency: council,
        otherAgency: trust,
        themes: ['threshold-for-intervention'],
        immediateRisk: false,
        highestStage: 1,
        outcome: 'resolved',
        closedOn: '2025-04-07',
        workingDaysToResolution: 4,
      },
      {
        reference: ref('B'),
        raisedOn: '2025-04-17',
        raiserAgency: trust,
        otherAgency: police,
        themes: ['risk-assessment', 'information-sharing'],
        immediateRisk: true,
        highestStage: 3,
        outcome: 'resolved',
        closedOn: '2025-04-22',
        workingDaysToResolution: 2,
      },
      {
        reference: ref('C'),
        raisedOn: '2025-05-06',
        raiserAgency: council,
        otherAgency: police,
        themes: ['discharge-or-case-closure'],
        immediateRisk: false,
        highestStage: 4,
        outcome: 'open',
        closedOn: null,
        workingDaysToResolution: null,
      },
      {
        reference: ref('D'),
        raisedOn: '2025-06-02',
        raiserAgency: police,
        otherAgency: council,
        themes: ['other'],
        immediateRisk: false,
        highestStage: 2,
        outcome: 'withdrawn',
        closedOn: '2025-06-05',
        workingDaysToResolution: null,
      },
    ]);
    expect(summary).toEqual({
      count: 4,
      immediateRisk: 1,
      byHighestStage: [
        { stage: 1, count: 1 },
        { stage: 2, count: 1 },
        { stage: 3, count: 1 },
        { stage: 4, count: 1 },
      ],
      byTheme: [
        { theme: 'threshold-for-intervention', count: 1 },
        { theme: 'risk-assessment', count: 1 },
        { theme: 'information-sharing', count: 1 },
        { theme: 'service-provision', count: 0 },
        { theme: 'discharge-or-case-closure', count: 1 },
        { theme: 'roles-and-responsibilities', count: 0 },
        { theme: 'other', count: 1 },
      ],
      byAgency: [
        { agency: council, asRaiser: 2, asOtherParty: 1, disagreements: 3 },
        { agency: police, asRaiser: 1, asOtherParty: 2, disagreements: 3 },
        { agency: trust, asRaiser: 1, asOtherParty: 1, disagreements: 2 },
      ],
      outcomes: { resolved: 2, withdrawn: 1, open: 1 },
      workingDaysToResolution: { median: 3, longest: 4 },
    });
  });

  it('carries no personal data: no person, no case reference, nothing anyone wrote', async () => {
    for (const response of [
      await fetchAsOperator(QUARTER),
      await fetchAsOperator(`${QUARTER}&format=csv`),
    ]) {
      const text = await response.text();
      expect(text).toContain(ref('A'));
      for (const secret of [raiser.id, otherPerson.id, CASE_REFERENCE, CONCERN_TEXT]) {
        expect(text).not.toContain(secret);
      }
      for (const name of [raiser.displayName, otherPerson.displayName, raiser.email]) {
        expect(text).not.toContain(name);
      }
    }
  });

  it('counts an empty period with every stage and theme at zero', async () => {
    const response = await get(path('from=2024-01-01&to=2024-12-31'));
    expect(response.status).toBe(200);
    expect(response.body.entries).toEqual([]);
    expect(response.body.summary).toMatchObject({
      count: 0,
      byAgency: [],
      outcomes: { resolved: 0, withdrawn: 0, open: 0 },
      workingDaysToResolution: { median: null, longest: null },
    });
    expect(response.body.summary.byHighestStage).toHaveLength(4);
    expect(response.body.summary.byTheme).toHaveLength(7);
  });

  it('serves the entries as a CSV download, by query or by Accept header', async () => {
    const log = (await get(path(QUARTER))).body;
    for (const response of [
      await fetchAsOperator(`${QUARTER}&format=csv`),
      await fetchAsOperator(QUARTER, { accept: 'text/csv' }),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="escalation-log-2025-04-01-2025-06-30.csv"',
      );
      const csv = await response.text();
      expect(csv).toBe(escalationLogCsv(log));
      const quotedTrust = `"${trust.name.replace(/"/g, '""')}"`;
      expect(csv.split('\r\n')).toEqual([
        'reference,raised_on,raiser_agency,raiser_agency_type,other_agency,other_agency_type,themes,immediate_risk,highest_stage,outcome,closed_on,working_days_to_resolution',
        `${ref('A')},2025-04-01,${council.name},local-authority,${quotedTrust},nhs-trust,threshold-for-intervention,no,1,resolved,2025-04-07,4`,
        `${ref('B')},2025-04-17,${quotedTrust},nhs-trust,${police.name},police,"risk-assessment;information-sharing",yes,3,resolved,2025-04-22,2`,
        `${ref('C')},2025-05-06,${council.name},local-authority,${police.name},police,discharge-or-case-closure,no,4,open,,`,
        `${ref('D')},2025-06-02,${police.name},police,${council.name},local-authority,other,no,2,withdrawn,2025-06-05,`,
        '',
      ]);
    }
    // The query parameter wins over the header.
    const json = await fetchAsOperator(`${QUARTER}&format=json`, { accept: 'text/csv' });
    expect(json.headers.get('content-type')).toContain('application/json');
  });

  it('refuses a period that is not one, naming the field', async () => {
    for (const [query, fields] of [
      ['', ['from', 'to']],
      ['from=2025-04-01', ['to']],
      ['to=2025-06-30', ['from']],
      ['from=2025-02-30&to=2025-06-30', ['from']],
      ['from=2025-04-01&to=30/06/2025', ['to']],
      ['from=2025-06-30&to=2025-04-01', ['to']],
      ['from=2024-01-01&to=2026-01-01', ['to']],
      [`${QUARTER}&format=xlsx`, ['format']],
    ] as const) {
      const response = await get(path(query));
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.errors).toEqual(
        fields.map((field) => ({ field, message: expect.stringMatching(`^${field} `) })),
      );
    }
    const backwards = await get(path('from=2025-06-30&to=2025-04-01'));
    expect(backwards.body.errors).toEqual([{ field: 'to', message: 'to must not be before from' }]);
    const tooLong = await get(path('from=2024-01-01&to=2026-01-01'));
    expect(tooLong.body.errors[0].message).toBe(
      'to must be within 2 years of from (2025-12-31 at the latest)',
    );
    // Two years to the day before is allowed.
    expect((await get(path('from=2024-01-01&to=2025-12-31'))).status).toBe(200);
  });

  it('is for partnership-wide leads and the board, and only of their own partnership', async () => {
    const as = async (roles: string[], agencyId = council.id) =>
      get(path(QUARTER), await tokenFor((await createPerson('Reader', { agencyId, roles })).email));

    expect((await as(['board-chair'])).status).toBe(200);
    expect((await as(['board-business-manager'])).status).toBe(200);
    expect((await as(['head-of-service'])).status).toBe(200);
    for (const roles of [['practitioner'], ['designated-safeguarding-lead'], ['admin']]) {
      const refused = await as(roles);
      expect(refused.status).toBe(403);
      expect(refused.contentType).toContain('application/problem+json');
    }
    const elsewhere = await createAgency('local-authority');
    expect((await as(['safeguarding-lead'], elsewhere.id)).status).toBe(404);
  });
});
