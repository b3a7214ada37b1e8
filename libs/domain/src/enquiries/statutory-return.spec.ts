import {
  CONCERN_SOURCES,
  RISK_LOCATIONS,
  RISK_SOURCES,
  RISK_TYPES,
} from './safeguarding-categories';
import {
  reportingYear,
  statutoryReturnCsv,
  statutoryReturnTables,
  whyNotReportingYear,
  type StatutoryReturnEnquiry,
  type StatutoryReturnTable,
} from './statutory-return';

const YEAR = reportingYear('2025-26');

function enquiry(fields: Partial<StatutoryReturnEnquiry> = {}): StatutoryReturnEnquiry {
  return {
    receivedAt: new Date('2025-06-02T09:00:00Z'),
    source: 'police',
    dateOfBirth: '1950-01-01',
    enquiryType: null,
    decidedAt: null,
    concludedAt: null,
    riskTypes: ['physical'],
    riskLocation: 'own-home',
    riskSource: 'other-known-to-individual',
    outcome: null,
    ...fields,
  };
}

const concludedS42 = (fields: Partial<StatutoryReturnEnquiry> = {}) =>
  enquiry({
    enquiryType: 'section-42',
    decidedAt: new Date('2025-06-03T09:00:00Z'),
    concludedAt: new Date('2025-09-01T09:00:00Z'),
    ...fields,
  });

function table(tables: StatutoryReturnTable[], id: string): StatutoryReturnTable {
  const found = tables.find((each) => each.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

/** A table's rows as { label: counts }, for assertions that read like the table. */
function counts(tables: StatutoryReturnTable[], id: string): Record<string, readonly number[]> {
  return Object.fromEntries(table(tables, id).rows.map((row) => [row.label, row.counts]));
}

describe('reporting years', () => {
  it('runs from midnight on 1 April to midnight on the next 1 April, UK time (in BST)', () => {
    expect(YEAR).toEqual({
      name: '2025-26',
      from: new Date('2025-03-31T23:00:00Z'),
      to: new Date('2026-03-31T23:00:00Z'),
    });
  });

  it('crosses a century', () => {
    expect(reportingYear('2099-00').to).toEqual(new Date('2100-03-31T23:00:00Z'));
  });

  it.each([
    ['2025', /written like 2025-26/],
    ['2025-2026', /written like 2025-26/],
    [' 2025-26', /written like 2025-26/],
    ['2025-27', /consecutive years, like 2025-26/],
    ['2099-01', /consecutive years, like 2099-00/],
    ['1969-70', /start between 1970 and 2198/],
    ['2199-00', /start between 1970 and 2198/],
  ])('refuses %j', (name, why) => {
    expect(whyNotReportingYear(name)).toMatch(why);
    expect(() => reportingYear(name)).toThrow(RangeError);
  });

  it('counts a concern received in the first minute of 1 April in the new year', () => {
    const tables = statutoryReturnTables(YEAR, [
      enquiry({ receivedAt: new Date('2025-03-31T22:59:59.999Z') }),
      enquiry({ receivedAt: new Date('2025-03-31T23:00:00Z') }),
      enquiry({ receivedAt: new Date('2026-03-31T22:59:59.999Z') }),
      enquiry({ receivedAt: new Date('2026-03-31T23:00:00Z') }),
    ]);
    expect(counts(tables, 'concerns').Total).toEqual([2]);
  });
});

describe('statutory return tables', () => {
  it('has every table and every category, with zeros, in the order of the domain lists', () => {
    const tables = statutoryReturnTables(YEAR, []);
    expect(tables.map((each) => [each.id, each.columns, each.rows.length])).toEqual([
      ['concerns', ['Concerns'], CONCERN_SOURCES.length + 1],
      ['enquiries-started', ['Section 42', 'Other'], 7],
      ['concluded-by-risk-type', ['Section 42', 'Other'], RISK_TYPES.length],
      ['concluded-by-risk-location', ['Section 42', 'Other'], RISK_LOCATIONS.length + 1],
      ['concluded-by-risk-source', ['Section 42', 'Other'], RISK_SOURCES.length + 1],
      ['concluded-s42-by-outcome', ['Section 42'], 5],
      ['concluded-s42-msp', ['Section 42'], 10],
    ]);
    for (const each of tables) {
      for (const row of each.rows) expect(row.counts).toEqual(each.columns.map(() => 0));
    }
    expect(table(tables, 'concerns').rows.map((row) => row.label)).toEqual([
      'Social care staff',
      'Health staff',
      'Police',
      'Care provider',
      'Housing',
      'Education or training',
      'Other professional',
      'Family member or friend',
      'Self-referral',
      'Anonymous',
      'Other',
      'Total',
    ]);
    expect(table(tables, 'concluded-by-risk-type').rows[3].label).toBe('Financial or material');
  });

  it('counts each concern in the year it was received, by its source', () => {
    const tables = statutoryReturnTables(YEAR, [
      enquiry({ source: 'police' }),
      enquiry({ source: 'police' }),
      enquiry({ source: 'self-referral' }),
      enquiry({ source: 'police', receivedAt: new Date('2024-12-01T10:00:00Z') }),
    ]);
    expect(counts(tables, 'concerns')).toMatchObject({
      Police: [2],
      'Self-referral': [1],
      Anonymous: [0],
      Total: [3],
    });
  });

  it('starts an enquiry in the year of its decision, by type, with the age when the concern came', () => {
    const s42 = { enquiryType: 'section-42', decidedAt: new Date('2025-04-10T09:00:00Z') } as const;
    const tables = statutoryReturnTables(YEAR, [
      // Received last year, decided this year: started this year.
      enquiry({ ...s42, receivedAt: new Date('2025-03-20T09:00:00Z'), dateOfBirth: '1970-03-20' }),
      // 18 on the UK date the concern came in (31 May, 00:30 BST is still 30 May in UTC).
      enquiry({ ...s42, receivedAt: new Date('2025-05-30T23:30:00Z'), dateOfBirth: '2007-05-31' }),
      // A day short of 18: not a known adult age band.
      enquiry({ ...s42, receivedAt: new Date('2025-05-30T22:30:00Z'), dateOfBirth: '2007-05-31' }),
      enquiry({ ...s42, dateOfBirth: '1930-06-02' }),
      enquiry({ ...s42, dateOfBirth: null }),
      enquiry({ enquiryType: 'other', decidedAt: s42.decidedAt, dateOfBirth: '1945-07-01' }),
      enquiry({ enquiryType: 'other', decidedAt: s42.decidedAt, dateOfBirth: '1941-01-01' }),
      // No enquiry, undecided, or decided next year: not started this year.
      enquiry({ decidedAt: s42.decidedAt }),
      enquiry(),
      enquiry({ ...s42, decidedAt: new Date('2026-04-01T09:00:00Z') }),
    ]);
    expect(counts(tables, 'enquiries-started')).toEqual({
      'Aged 18-64': [2, 0],
      'Aged 65-74': [0, 0],
      'Aged 75-84': [0, 2],
      'Aged 85-94': [0, 0],
      'Aged 95 and over': [1, 0],
      'Age unknown': [2, 0],
      Total: [5, 2],
    });
  });

  it('counts a concluded enquiry once per type of risk, and once by location and source', () => {
    const tables = statutoryReturnTables(YEAR, [
      concludedS42({
        riskTypes: ['physical', 'financial-or-material', 'physical'],
        riskLocation: 'care-home-nursing',
        riskSource: 'service-provider',
      }),
      concludedS42({ riskTypes: ['financial-or-material'] }),
      concludedS42({ enquiryType: 'other', riskTypes: ['self-neglect', 'physical'] }),
      // Concluded last year, or not yet: not in this year's concluded tables.
      concludedS42({ concludedAt: new Date('2025-03-31T22:00:00Z') }),
      concludedS42({ concludedAt: null }),
    ]);
    expect(counts(tables, 'concluded-by-risk-type')).toMatchObject({
      Physical: [1, 1],
      'Financial or material': [2, 0],
      'Self-neglect': [0, 1],
      Sexual: [0, 0],
    });
    expect(counts(tables, 'concluded-by-risk-type').Total).toBeUndefined();
    expect(counts(tables, 'concluded-by-risk-location')).toMatchObject({
      'Care home: nursing': [1, 0],
      'Own home': [1, 1],
      Total: [2, 1],
    });
    expect(counts(tables, 'concluded-by-risk-source')).toMatchObject({
      'Service provider': [1, 0],
      'Other: known to the individual': [1, 1],
      Total: [2, 1],
    });
  });

  it('gives concluded Section 42 enquiries their accepted outcome, or none recorded', () => {
    const tables = statutoryReturnTables(YEAR, [
      concludedS42({ outcome: { riskOutcome: 'removed' } }),
      concludedS42({ outcome: { riskOutcome: 'reduced', mspAsked: true } }),
      concludedS42({ outcome: { riskOutcome: 'reduced' } }),
      concludedS42({ outcome: { mspAsked: false } }),
      concludedS42({ outcome: { riskOutcome: 'gone away' } as never }),
      concludedS42(),
      concludedS42({ enquiryType: 'other', outcome: { riskOutcome: 'remained' } }),
    ]);
    expect(counts(tables, 'concluded-s42-by-outcome')).toEqual({
      'Risk identified and action taken: risk removed': [1],
      'Risk identified and action taken: risk reduced': [2],
      'Risk identified and action taken: risk remained': [0],
      'No outcome recorded': [3],
      Total: [6],
    });
  });

  it('nests Making Safeguarding Personal: expressed of those asked, met of those expressed', () => {
    const asked = { mspAsked: true, outcomesExpressed: true } as const;
    const tables = statutoryReturnTables(YEAR, [
      concludedS42({ outcome: { ...asked, outcomesMet: 'fully' } }),
      concludedS42({ outcome: { ...asked, outcomesMet: 'fully' } }),
      concludedS42({ outcome: { ...asked, outcomesMet: 'partly' } }),
      concludedS42({ outcome: asked }),
      concludedS42({ outcome: { mspAsked: true, outcomesExpressed: false, outcomesMet: 'not' } }),
      concludedS42({ outcome: { mspAsked: true } }),
      concludedS42({ outcome: { mspAsked: false, outcomesExpressed: true } }),
      concludedS42(),
      concludedS42({ enquiryType: 'other', outcome: { ...asked, outcomesMet: 'not' } }),
    ]);
    expect(counts(tables, 'concluded-s42-msp')).toEqual({
      'Asked about desired outcomes: yes': [6],
      'Asked about desired outcomes: no': [1],
      'Asked about desired outcomes: not recorded': [1],
      'Desired outcomes expressed (of those asked): yes': [4],
      'Desired outcomes expressed (of those asked): no': [1],
      'Desired outcomes expressed (of those asked): not recorded': [1],
      'Desired outcomes met (of those expressed): fully': [2],
      'Desired outcomes met (of those expressed): partly': [1],
      'Desired outcomes met (of those expressed): not': [0],
      'Desired outcomes met (of those expressed): not recorded': [1],
    });
  });
});

describe('statutory return CSV', () => {
  const tables: StatutoryReturnTable[] = [
    {
      id: 'quoting',
      title: 'Concerns, by "source"',
      columns: ['Section 42', 'Other'],
      rows: [
        { label: 'Own home', counts: [3, 0] },
        { label: 'Line\nbreak', counts: [1, 2] },
      ],
    },
  ];

  it('is one long table with a header, CRLF line ends and RFC 4180 quoting', () => {
    expect(statutoryReturnCsv(tables)).toBe(
      [
        'table,row,column,count',
        '"Concerns, by ""source""",Own home,Section 42,3',
        '"Concerns, by ""source""",Own home,Other,0',
        '"Concerns, by ""source""","Line\nbreak",Section 42,1',
        '"Concerns, by ""source""","Line\nbreak",Other,2',
        '',
      ].join('\r\n'),
    );
  });

  it('has a line for every count of every table', () => {
    const all = statutoryReturnTables(YEAR, []);
    const lines = statutoryReturnCsv(all).split('\r\n');
    const cells = all.reduce((sum, each) => sum + each.rows.length * each.columns.length, 0);
    expect(lines).toHaveLength(1 + cells + 1);
    expect(lines).toContain(
      '"Concluded enquiries, by type of risk",Financial or material,Section 42,0',
    );
  });
});
