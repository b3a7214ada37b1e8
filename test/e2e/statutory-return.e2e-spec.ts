import { repoRoot } from '@safeguard/dev-stack';
import { statutoryReturnCsv } from '@safeguard/domain';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminToken, apiUrl, stackAppEnv } from './support/e2e-env';
import {
  createAgency,
  createPartnership,
  createPerson,
  get,
  tokenFor,
  type TestPerson,
} from './support/http';

const CLI = join(repoRoot, 'apps', 'api', 'dist', 'statutory-return-cli.js');

interface SeededEnquiry {
  adultId: string;
  receivedAt: string;
  source: string;
  enquiryType?: 'section-42' | 'other';
  decidedAt?: string;
  concludedAt?: string;
  riskTypes: string[];
  riskLocation: string;
  riskSource: string;
  /** The accepted outcome record's facts. */
  outcome?: Record<string, unknown>;
  /** An earlier outcome record that was not accepted: it must not count. */
  draftOutcome?: Record<string, unknown>;
}

/**
 * The Safeguarding Adults Collection counts of one partnership and year, over HTTP (JSON and
 * CSV) and from the command line. The enquiries are written straight into Postgres, so the test
 * fixes exactly what was recorded and when, around the edges of the year (midnight BST).
 */
describe('statutory return', () => {
  let sql: Client;
  let partnershipId: string;
  let recorder: TestPerson;

  beforeAll(async () => {
    sql = new Client({ connectionString: stackAppEnv().DATABASE_URL });
    await sql.connect();
    partnershipId = (await createPartnership()).id;
    const council = await createAgency('local-authority', [partnershipId]);
    recorder = await createPerson('Triage Worker', { agencyId: council.id });

    const [aged75, unknownAge, aged35] = [
      await adult('1950-05-01'),
      await adult(null),
      await adult('1990-01-01'),
    ];
    const physicalAtHome = {
      riskTypes: ['physical'],
      riskLocation: 'own-home',
      riskSource: 'other-known-to-individual',
    };
    // 00:30 BST on 1 April 2025: the first concern of 2025-26. No enquiry followed.
    await enquiry({
      ...physicalAtHome,
      adultId: aged75,
      receivedAt: '2025-03-31T23:30:00Z',
      source: 'police',
      decidedAt: '2025-04-01T10:00:00Z',
    });
    await enquiry({
      adultId: aged75,
      receivedAt: '2025-05-10T09:00:00Z',
      source: 'health-staff',
      enquiryType: 'section-42',
      decidedAt: '2025-05-11T09:00:00Z',
      concludedAt: '2025-08-01T09:00:00Z',
      riskTypes: ['physical', 'financial-or-material'],
      riskLocation: 'care-home-residential',
      riskSource: 'service-provider',
      draftOutcome: { riskOutcome: 'removed' },
      outcome: {
        riskOutcome: 'reduced',
        mspAsked: true,
        outcomesExpressed: true,
        outcomesMet: 'partly',
      },
    });
    await enquiry({
      adultId: unknownAge,
      receivedAt: '2025-06-01T09:00:00Z',
      source: 'family-or-friend',
      enquiryType: 'other',
      decidedAt: '2025-06-02T09:00:00Z',
      concludedAt: '2025-09-01T09:00:00Z',
      riskTypes: ['self-neglect'],
      riskLocation: 'own-home',
      riskSource: 'other-known-to-individual',
    });
    // Received last year, decided this year: started in 2025-26, not a concern of it.
    await enquiry({
      ...physicalAtHome,
      adultId: aged35,
      receivedAt: '2025-03-20T09:00:00Z',
      source: 'police',
      enquiryType: 'section-42',
      decidedAt: '2025-04-02T09:00:00Z',
    });
    // Concluded at 00:30 BST on 1 April 2026: in the next year's return.
    await enquiry({
      ...physicalAtHome,
      adultId: aged35,
      receivedAt: '2025-12-01T09:00:00Z',
      source: 'self-referral',
      enquiryType: 'section-42',
      decidedAt: '2025-12-02T09:00:00Z',
      concludedAt: '2026-03-31T23:30:00Z',
    });
    // Concluded at 23:59:59 BST on 31 March 2026: still this year.
    await enquiry({
      adultId: aged75,
      receivedAt: '2025-07-01T09:00:00Z',
      source: 'police',
      enquiryType: 'section-42',
      decidedAt: '2025-07-02T09:00:00Z',
      concludedAt: '2026-03-31T22:59:59Z',
      riskTypes: ['physical'],
      riskLocation: 'hospital-acute',
      riskSource: 'other-unknown-to-individual',
      outcome: { riskOutcome: 'removed', mspAsked: false },
    });
  });
  afterAll(async () => {
    await sql.end();
  });

  async function adult(dateOfBirth: string | null): Promise<string> {
    const id = randomUUID();
    await sql.query(
      `INSERT INTO adults (id, partnership_id, full_name, date_of_birth, created_at)
       VALUES ($1, $2, 'Statutory Return Adult', $3, now())`,
      [id, partnershipId, dateOfBirth],
    );
    return id;
  }

  async function enquiry(seed: SeededEnquiry): Promise<void> {
    const id = randomUUID();
    const stage = seed.concludedAt ? 'outcome' : seed.enquiryType ? 'enquiry' : 'closed';
    await sql.query(
      `INSERT INTO enquiries (id, reference, partnership_id, policy_version, adult_id, received_at,
         source, raised_by_id, urgency, risk_types, risk_location, risk_source, triage_worker_id,
         stage, enquiry_type, decided_at, concluded_at, closure, process_version, workflow_id,
         created_at, updated_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, 'routine', $8, $9, $10, $7, $11, $12, $13, $14,
         $15, 1, $16, now(), now())`,
      [
        id,
        `S42-E2E-${id}`,
        partnershipId,
        seed.adultId,
        seed.receivedAt,
        seed.source,
        recorder.id,
        seed.riskTypes,
        seed.riskLocation,
        seed.riskSource,
        stage,
        seed.enquiryType ?? null,
        seed.decidedAt ?? null,
        seed.concludedAt ?? null,
        stage === 'closed' ? 'no-enquiry' : null,
        `enquiry-${id}`,
      ],
    );
    if (seed.draftOutcome) await outcomeRecord(id, seed.draftOutcome);
    if (seed.outcome) {
      const outcomeId = await outcomeRecord(id, seed.outcome);
      await sql.query(`UPDATE enquiries SET outcome_id = $2 WHERE id = $1`, [id, outcomeId]);
    }
  }

  async function outcomeRecord(enquiryId: string, facts: Record<string, unknown>) {
    const id = randomUUID();
    await sql.query(
      `INSERT INTO enquiry_records (id, enquiry_id, kind, facts, author_id, created_at)
       VALUES ($1, $2, 'outcome', $3, $4, now())`,
      [id, enquiryId, facts, recorder.id],
    );
    return id;
  }

  const path = (query: string) => `/partnerships/${partnershipId}/statutory-return?${query}`;

  function fetchAsOperator(query: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${apiUrl()}${path(query)}`, {
      headers: { authorization: `Bearer ${adminToken()}`, ...headers },
    });
  }

  /** A table's rows as { label: counts }, the way the return reads. */
  function counts(tables: any[], id: string): Record<string, number[]> {
    const table = tables.find((each) => each.id === id);
    return Object.fromEntries(table.rows.map((row: any) => [row.label, row.counts]));
  }

  it('counts the year’s concerns, enquiries started and concluded, outcomes and MSP', async () => {
    const response = await get(path('year=2025-26'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      partnershipId,
      year: '2025-26',
      from: '2025-03-31T23:00:00.000Z',
      to: '2026-03-31T23:00:00.000Z',
    });
    const { tables } = response.body;
    expect(tables.map((table: any) => table.id)).toEqual([
      'concerns',
      'enquiries-started',
      'concluded-by-risk-type',
      'concluded-by-risk-location',
      'concluded-by-risk-source',
      'concluded-s42-by-outcome',
      'concluded-s42-msp',
    ]);
    expect(counts(tables, 'concerns')).toEqual({
      'Social care staff': [0],
      'Health staff': [1],
      Police: [2],
      'Care provider': [0],
      Housing: [0],
      'Education or training': [0],
      'Other professional': [0],
      'Family member or friend': [1],
      'Self-referral': [1],
      Anonymous: [0],
      Other: [0],
      Total: [5],
    });
    expect(counts(tables, 'enquiries-started')).toEqual({
      'Aged 18-64': [2, 0],
      'Aged 65-74': [0, 0],
      'Aged 75-84': [2, 0],
      'Aged 85-94': [0, 0],
      'Aged 95 and over': [0, 0],
      'Age unknown': [0, 1],
      Total: [4, 1],
    });
    expect(counts(tables, 'concluded-by-risk-type')).toEqual({
      Physical: [2, 0],
      Sexual: [0, 0],
      Psychological: [0, 0],
      'Financial or material': [1, 0],
      'Neglect and acts of omission': [0, 0],
      Discriminatory: [0, 0],
      Organisational: [0, 0],
      'Domestic abuse': [0, 0],
      'Modern slavery': [0, 0],
      'Sexual exploitation': [0, 0],
      'Self-neglect': [0, 1],
    });
    expect(counts(tables, 'concluded-by-risk-location')).toMatchObject({
      'Own home': [0, 1],
      'Care home: residential': [1, 0],
      'Hospital: acute': [1, 0],
      'Care home: nursing': [0, 0],
      Total: [2, 1],
    });
    expect(counts(tables, 'concluded-by-risk-source')).toEqual({
      'Service provider': [1, 0],
      'Other: known to the individual': [0, 1],
      'Other: unknown to the individual': [1, 0],
      Total: [2, 1],
    });
    expect(counts(tables, 'concluded-s42-by-outcome')).toEqual({
      'Risk identified and action taken: risk removed': [1],
      'Risk identified and action taken: risk reduced': [1],
      'Risk identified and action taken: risk remained': [0],
      'No outcome recorded': [0],
      Total: [2],
    });
    expect(counts(tables, 'concluded-s42-msp')).toEqual({
      'Asked about desired outcomes: yes': [1],
      'Asked about desired outcomes: no': [1],
      'Asked about desired outcomes: not recorded': [0],
      'Desired outcomes expressed (of those asked): yes': [1],
      'Desired outcomes expressed (of those asked): no': [0],
      'Desired outcomes expressed (of those asked): not recorded': [0],
      'Desired outcomes met (of those expressed): fully': [0],
      'Desired outcomes met (of those expressed): partly': [1],
      'Desired outcomes met (of those expressed): not': [0],
      'Desired outcomes met (of those expressed): not recorded': [0],
    });
  });

  it('serves the same counts as one CSV download, by query or by Accept header', async () => {
    const { tables } = (await get(path('year=2025-26'))).body;
    for (const response of [
      await fetchAsOperator('year=2025-26&format=csv'),
      await fetchAsOperator('year=2025-26', { accept: 'text/csv' }),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="sac-2025-26.csv"',
      );
      const csv = await response.text();
      expect(csv).toBe(statutoryReturnCsv(tables));
      expect(csv.split('\r\n')).toEqual(
        expect.arrayContaining([
          'table,row,column,count',
          '"Safeguarding concerns received, by source of concern",Police,Concerns,2',
          '"Enquiries started, by age band",Age unknown,Other,1',
          '"Concluded enquiries, by type of risk",Financial or material,Section 42,1',
          '"Concluded Section 42 enquiries, by outcome for the risk",Risk identified and action taken: risk removed,Section 42,1',
        ]),
      );
    }
    // The query parameter wins over the header.
    const json = await fetchAsOperator('year=2025-26&format=json', { accept: 'text/csv' });
    expect(json.headers.get('content-type')).toContain('application/json');
  });

  it('prints the same CSV from the command line', async () => {
    const csv = await fetchAsOperator('year=2025-26&format=csv').then((response) =>
      response.text(),
    );
    await expect(cli('--partnership', partnershipId, '--year', '2025-26')).resolves.toEqual({
      status: 0,
      stdout: csv,
    });
    await expect(cli('--partnership', randomUUID(), '--year', '2025-26')).resolves.toEqual({
      status: 1,
      stdout: '',
    });
    expect((await cli('--partnership', partnershipId, '--year', '2025')).status).toBe(1);
  });

  it('refuses a year that is not a financial year, naming the field', async () => {
    for (const query of ['year=2025', 'year=2025-27', '']) {
      const response = await get(path(query));
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.errors).toEqual([{ field: 'year', message: expect.any(String) }]);
    }
  });

  it('is for partnership-wide leads and the board, and only of their own partnership', async () => {
    const council = await createAgency('local-authority', [partnershipId]);
    const as = async (roles: string[], agencyId = council.id) =>
      get(
        path('year=2025-26'),
        await tokenFor((await createPerson('Reader', { agencyId, roles })).email),
      );

    expect((await as(['board-chair'])).status).toBe(200);
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

function cli(...args: string[]): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATABASE_URL: stackAppEnv().DATABASE_URL } },
      (error, stdout) => resolve({ status: error ? Number(error.code) : 0, stdout }),
    ),
  );
}
