import { DISAGREEMENT_THEMES } from './disagreement';
import {
  ESCALATION_LOG_CSV_HEADER,
  escalationLog,
  escalationLogCsv,
  escalationLogPeriod,
  whyNotEscalationLogDate,
  whyNotEscalationLogEnd,
  type EscalationLogAgency,
  type EscalationLogDisagreement,
} from './escalation-log';

const QUARTER = escalationLogPeriod('2025-04-01', '2025-06-30');

const COUNCIL: EscalationLogAgency = {
  id: 'agency-council',
  name: 'Northshire Council',
  type: 'local-authority',
};
const TRUST: EscalationLogAgency = {
  id: 'agency-trust',
  name: 'Northshire NHS',
  type: 'nhs-trust',
};
const POLICE: EscalationLogAgency = {
  id: 'agency-police',
  name: 'Northshire Police',
  type: 'police',
};

let made = 0;
function disagreement(fields: Partial<EscalationLogDisagreement> = {}): EscalationLogDisagreement {
  made += 1;
  return {
    reference: `PD-2025-${String(made).padStart(4, '0')}`,
    raisedAt: new Date('2025-05-06T09:00:00Z'),
    closedAt: null,
    status: 'open',
    highestStage: 1,
    immediateRisk: false,
    themes: ['information-sharing'],
    raiserAgency: COUNCIL,
    otherAgency: TRUST,
    ...fields,
  };
}

/** Resolved `closedAt`, the day given as a UK date at 15:00 (BST in these months). */
const resolved = (
  raised: string,
  closed: string,
  fields: Partial<EscalationLogDisagreement> = {},
) =>
  disagreement({
    raisedAt: new Date(`${raised}T09:00:00Z`),
    closedAt: new Date(`${closed}T14:00:00Z`),
    status: 'resolved',
    ...fields,
  });

describe('escalation log periods', () => {
  it('runs from midnight starting the first date to midnight ending the last, UK time', () => {
    expect(QUARTER).toEqual({
      from: '2025-04-01',
      to: '2025-06-30',
      startsAt: new Date('2025-03-31T23:00:00Z'),
      endsBefore: new Date('2025-06-30T23:00:00Z'),
    });
    expect(escalationLogPeriod('2025-12-01', '2025-12-31')).toMatchObject({
      startsAt: new Date('2025-12-01T00:00:00Z'),
      endsBefore: new Date('2026-01-01T00:00:00Z'),
    });
    // One day is a period.
    expect(escalationLogPeriod('2025-10-26', '2025-10-26')).toMatchObject({
      startsAt: new Date('2025-10-25T23:00:00Z'),
      endsBefore: new Date('2025-10-27T00:00:00Z'),
    });
  });

  it.each(['2025-4-01', '2025-02-29', '2025-13-01', '2025-04-31', '01/04/2025', ''])(
    'refuses %j as a date',
    (text) => {
      expect(whyNotEscalationLogDate(text)).toBe('must be a date as YYYY-MM-DD');
    },
  );

  it('refuses dates outside the years the calendar knows', () => {
    expect(whyNotEscalationLogDate('1969-12-31')).toBe('must be in a year from 1970 to 2198');
    expect(whyNotEscalationLogDate('2199-01-01')).toBe('must be in a year from 1970 to 2198');
    expect(whyNotEscalationLogDate('2024-02-29')).toBeUndefined();
  });

  it('ends on or after its first day, and within two years of it', () => {
    expect(whyNotEscalationLogEnd('2025-04-01', '2025-03-31')).toBe('must not be before from');
    expect(whyNotEscalationLogEnd('2024-04-01', '2026-03-31')).toBeUndefined();
    expect(whyNotEscalationLogEnd('2024-04-01', '2026-04-01')).toBe(
      'must be within 2 years of from (2026-03-31 at the latest)',
    );
    expect(whyNotEscalationLogEnd('2024-02-29', '2026-02-28')).toBeUndefined();
    expect(whyNotEscalationLogEnd('2024-02-29', '2026-03-01')).toMatch(/2026-02-28 at the latest/);
    // Near the calendar's end, two years on is past it: still only the dates asked are checked.
    expect(whyNotEscalationLogEnd('2198-06-01', '2198-12-31')).toBeUndefined();
    // A date that is not one is the date's own problem, not the period's.
    expect(whyNotEscalationLogEnd('2025-04-01', 'soon')).toBeUndefined();
  });

  it('throws a RangeError naming the field', () => {
    expect(() => escalationLogPeriod('2025-04-31', '2025-06-30')).toThrow(
      new RangeError('Escalation log: from must be a date as YYYY-MM-DD.'),
    );
    expect(() => escalationLogPeriod('2025-04-01', '2025-03-01')).toThrow(
      new RangeError('Escalation log: to must not be before from.'),
    );
  });
});

describe('escalation log', () => {
  it('has every stage and every theme, with zeros, when nothing was raised', () => {
    const log = escalationLog(QUARTER, 'england-and-wales', []);
    expect(log).toEqual({
      entries: [],
      summary: {
        count: 0,
        immediateRisk: 0,
        byHighestStage: [
          { stage: 1, count: 0 },
          { stage: 2, count: 0 },
          { stage: 3, count: 0 },
          { stage: 4, count: 0 },
        ],
        byTheme: DISAGREEMENT_THEMES.map((theme) => ({ theme, count: 0 })),
        byAgency: [],
        outcomes: { open: 0, resolved: 0, withdrawn: 0 },
        workingDaysToResolution: { median: null, longest: null },
      },
    });
    expect(log.summary.byTheme.map((each) => each.theme)).toEqual([
      'threshold-for-intervention',
      'risk-assessment',
      'information-sharing',
      'service-provision',
      'discharge-or-case-closure',
      'roles-and-responsibilities',
      'other',
    ]);
  });

  it('logs each disagreement raised in the period by UK date, oldest first', () => {
    const log = escalationLog(QUARTER, 'england-and-wales', [
      disagreement({ reference: 'PD-LATE', raisedAt: new Date('2025-06-30T22:59:59Z') }),
      // 00:30 BST on 1 April: the first of the quarter, though still 31 March in UTC.
      disagreement({ reference: 'PD-FIRST', raisedAt: new Date('2025-03-31T23:30:00Z') }),
      // Before and after the quarter.
      disagreement({ reference: 'PD-BEFORE', raisedAt: new Date('2025-03-31T22:59:59Z') }),
      disagreement({ reference: 'PD-AFTER', raisedAt: new Date('2025-06-30T23:00:00Z') }),
    ]);
    expect(log.entries.map((entry) => [entry.reference, entry.raisedOn])).toEqual([
      ['PD-FIRST', '2025-04-01'],
      ['PD-LATE', '2025-06-30'],
    ]);
    expect(log.summary.count).toBe(2);
  });

  it('carries agencies, themes, risk, stage and outcome, and nothing about people', () => {
    const [entry] = escalationLog(QUARTER, 'england-and-wales', [
      disagreement({
        reference: 'PD-2025-0042',
        raisedAt: new Date('2025-05-06T08:00:00Z'),
        closedAt: new Date('2025-05-08T16:00:00Z'),
        status: 'resolved',
        highestStage: 2,
        themes: ['other', 'threshold-for-intervention', 'other'],
        // A row with more in it than the log needs: only the agency's name and type go out.
        raiserAgency: { ...COUNCIL, contactEmail: 'duty@northshire.example' } as never,
        otherAgency: POLICE,
        caseReference: 'NHS 943 476 5919',
        raisedById: 'person-1',
      } as never),
    ]).entries;
    expect(entry).toEqual({
      reference: 'PD-2025-0042',
      raisedOn: '2025-05-06',
      raiserAgency: COUNCIL,
      otherAgency: POLICE,
      themes: ['threshold-for-intervention', 'other'],
      immediateRisk: false,
      highestStage: 2,
      outcome: 'resolved',
      closedOn: '2025-05-08',
      workingDaysToResolution: 2,
    });
  });

  it('leaves working days open while a disagreement is open, and for one withdrawn', () => {
    const log = escalationLog(QUARTER, 'england-and-wales', [
      disagreement({ status: 'open', highestStage: 3 }),
      disagreement({
        status: 'withdrawn',
        closedAt: new Date('2025-05-20T10:00:00Z'),
        highestStage: 2,
      }),
      resolved('2025-05-06', '2025-05-09'),
    ]);
    expect(
      log.entries.map((entry) => [entry.outcome, entry.closedOn, entry.workingDaysToResolution]),
    ).toEqual([
      ['open', null, null],
      ['withdrawn', '2025-05-20', null],
      ['resolved', '2025-05-09', 3],
    ]);
    expect(log.summary.outcomes).toEqual({ open: 1, resolved: 1, withdrawn: 1 });
    // The withdrawn one's 10 working days are not a resolution time.
    expect(log.summary.workingDaysToResolution).toEqual({ median: 3, longest: 3 });
  });

  it('counts working days on the nation’s calendar, skipping bank holidays', () => {
    // Thursday 17 April 2025 to Tuesday 22 April: Good Friday and Easter Monday between.
    const easter = [resolved('2025-04-17', '2025-04-22')];
    expect(escalationLog(QUARTER, 'england-and-wales', easter).entries[0]).toMatchObject({
      workingDaysToResolution: 1,
    });
    // Easter Monday is not a bank holiday in Scotland.
    expect(escalationLog(QUARTER, 'scotland', easter).entries[0]).toMatchObject({
      workingDaysToResolution: 2,
    });
    // Raised on a Saturday, resolved the Monday after the early May bank holiday (5 May).
    const weekend = [resolved('2025-05-03', '2025-05-06')];
    expect(escalationLog(QUARTER, 'england-and-wales', weekend).entries[0]).toMatchObject({
      workingDaysToResolution: 1,
    });
    // Resolved the day it was raised: no working day passed.
    const sameDay = [resolved('2025-05-06', '2025-05-06')];
    expect(escalationLog(QUARTER, 'england-and-wales', sameDay).entries[0]).toMatchObject({
      workingDaysToResolution: 0,
    });
  });

  it('takes the UK date of a resolution just after midnight', () => {
    // 00:30 BST on Saturday 10 May, still Friday in UTC: closed on the Saturday, after the three
    // working days Wednesday to Friday.
    const log = escalationLog(QUARTER, 'england-and-wales', [
      disagreement({
        raisedAt: new Date('2025-05-06T09:00:00Z'),
        closedAt: new Date('2025-05-09T23:30:00Z'),
        status: 'resolved',
      }),
    ]);
    expect(log.entries[0]).toMatchObject({ closedOn: '2025-05-10', workingDaysToResolution: 3 });
  });

  it('gives the median and the longest working days to resolution', () => {
    const odd = escalationLog(QUARTER, 'england-and-wales', [
      resolved('2025-05-06', '2025-05-16'), // 8
      resolved('2025-05-06', '2025-05-07'), // 1
      resolved('2025-05-06', '2025-05-09'), // 3
      disagreement(),
    ]);
    expect(odd.summary.workingDaysToResolution).toEqual({ median: 3, longest: 8 });

    const even = escalationLog(QUARTER, 'england-and-wales', [
      resolved('2025-05-06', '2025-05-16'), // 8
      resolved('2025-05-06', '2025-05-07'), // 1
      resolved('2025-05-06', '2025-05-09'), // 3
      resolved('2025-05-06', '2025-05-12'), // 4
    ]);
    expect(even.summary.workingDaysToResolution).toEqual({ median: 3.5, longest: 8 });
  });

  it('counts by highest stage, theme, immediate risk and agency', () => {
    const log = escalationLog(QUARTER, 'england-and-wales', [
      disagreement({ highestStage: 1, themes: ['risk-assessment', 'information-sharing'] }),
      disagreement({ highestStage: 4, themes: ['risk-assessment'], otherAgency: POLICE }),
      disagreement({
        highestStage: 3,
        immediateRisk: true,
        themes: ['service-provision'],
        raiserAgency: POLICE,
        otherAgency: TRUST,
      }),
      // Two teams of the council: one agency on both sides.
      disagreement({ highestStage: 2, themes: ['other'], otherAgency: COUNCIL }),
      // Not yet written by the workflow: at the stage it starts at.
      disagreement({ highestStage: null, immediateRisk: true, themes: ['other'] }),
      disagreement({ highestStage: null, themes: ['other'] }),
    ]);
    expect(log.summary.count).toBe(6);
    expect(log.summary.immediateRisk).toBe(2);
    expect(log.summary.byHighestStage).toEqual([
      { stage: 1, count: 2 },
      { stage: 2, count: 1 },
      { stage: 3, count: 2 },
      { stage: 4, count: 1 },
    ]);
    expect(Object.fromEntries(log.summary.byTheme.map((each) => [each.theme, each.count]))).toEqual(
      {
        'threshold-for-intervention': 0,
        'risk-assessment': 2,
        'information-sharing': 1,
        'service-provision': 1,
        'discharge-or-case-closure': 0,
        'roles-and-responsibilities': 0,
        other: 3,
      },
    );
    expect(log.summary.byAgency).toEqual([
      { agency: COUNCIL, asRaiser: 5, asOtherParty: 1, disagreements: 5 },
      { agency: TRUST, asRaiser: 0, asOtherParty: 4, disagreements: 4 },
      { agency: POLICE, asRaiser: 1, asOtherParty: 1, disagreements: 2 },
    ]);
  });

  it('orders agencies with as many disagreements by name', () => {
    const log = escalationLog(QUARTER, 'england-and-wales', [
      disagreement({ raiserAgency: TRUST, otherAgency: POLICE }),
    ]);
    expect(log.summary.byAgency.map((each) => each.agency.name)).toEqual([
      'Northshire NHS',
      'Northshire Police',
    ]);
  });

  it('refuses a theme or a stage that is not one', () => {
    expect(() =>
      escalationLog(QUARTER, 'england-and-wales', [
        disagreement({ reference: 'PD-X', themes: ['gossip' as never] }),
      ]),
    ).toThrow('"gossip" is not a theme (disagreement PD-X)');
    expect(() =>
      escalationLog(QUARTER, 'england-and-wales', [disagreement({ highestStage: 5 })]),
    ).toThrow(RangeError);
  });
});

describe('escalation log CSV', () => {
  it('is a header line and a line per entry, with CRLF line ends and RFC 4180 quoting', () => {
    const log = escalationLog(QUARTER, 'england-and-wales', [
      resolved('2025-04-17', '2025-04-22', {
        reference: 'PD-2025-0001',
        themes: ['risk-assessment', 'information-sharing'],
        highestStage: 2,
        raiserAgency: { id: 'a', name: 'Health, Care "and" Housing', type: 'other' },
        otherAgency: POLICE,
      }),
      disagreement({
        reference: 'PD-2025-0002',
        raisedAt: new Date('2025-06-30T22:00:00Z'),
        immediateRisk: true,
        highestStage: 3,
      }),
      disagreement({
        reference: 'PD-2025-0003',
        raisedAt: new Date('2025-06-30T22:30:00Z'),
        status: 'withdrawn',
        closedAt: new Date('2025-07-01T10:00:00Z'),
      }),
    ]);
    expect(escalationLogCsv(log)).toBe(
      [
        'reference,raised_on,raiser_agency,raiser_agency_type,other_agency,other_agency_type,themes,immediate_risk,highest_stage,outcome,closed_on,working_days_to_resolution',
        'PD-2025-0001,2025-04-17,"Health, Care ""and"" Housing",other,Northshire Police,police,"risk-assessment;information-sharing",no,2,resolved,2025-04-22,1',
        'PD-2025-0002,2025-06-30,Northshire Council,local-authority,Northshire NHS,nhs-trust,information-sharing,yes,3,open,,',
        'PD-2025-0003,2025-06-30,Northshire Council,local-authority,Northshire NHS,nhs-trust,information-sharing,no,1,withdrawn,2025-07-01,',
        '',
      ].join('\r\n'),
    );
  });

  it('is the header alone when nothing was raised', () => {
    expect(escalationLogCsv(escalationLog(QUARTER, 'england-and-wales', []))).toBe(
      ESCALATION_LOG_CSV_HEADER.join(',') + '\r\n',
    );
  });
});
