import { createDefaultPolicy } from './default-policy';
import { validatePolicy, type PolicyFieldError } from './validate-policy';

/** A plain-JSON copy of the default that a test may break in any way, as an upload could. */
function errorsAfter(change: (policy: any) => void): readonly PolicyFieldError[] {
  const policy: any = JSON.parse(JSON.stringify(createDefaultPolicy()));
  change(policy);
  const result = validatePolicy(policy);
  if (result.ok) throw new Error('expected the policy to be refused');
  return result.errors;
}

describe('validatePolicy refuses a bad policy and names the field', () => {
  it('a negative timescale', () => {
    expect(errorsAfter((p) => (p.stages['s42.decision'].timescale.workingDays = -1))).toEqual([
      {
        field: 'stages["s42.decision"].timescale.workingDays',
        message: 'must be a whole number of working days from 0 to 365',
      },
    ]);
  });

  it('a fractional or wrongly typed number', () => {
    expect(
      errorsAfter((p) => {
        p.stages['s42.decision'].timescale.workingDays = 1.5;
        p.stages['meeting.action'].timescale.workingDays = 'ten';
      }),
    ).toEqual([
      {
        field: 'stages["s42.decision"].timescale.workingDays',
        message: 'must be a whole number of working days from 0 to 365',
      },
      {
        field: 'stages["meeting.action"].timescale.workingDays',
        message: 'must be a whole number of working days from 0 to 365',
      },
    ]);
  });

  it('a reminder after the due date', () => {
    expect(
      errorsAfter(
        (p) => (p.stages['s42.enquiry-report'].remindersBeforeDue[1] = { workingDays: 2 }),
      ),
    ).toEqual([
      {
        field: 'stages["s42.enquiry-report"].remindersBeforeDue[1].workingDays',
        message: 'reminders must come before the due date or on it (offset ≤ 0)',
      },
    ]);
  });

  it('an overdue chase on or before the due date', () => {
    expect(
      errorsAfter((p) => (p.stages['meeting.action'].overdueChases[0] = { duration: '-PT2H' })),
    ).toEqual([
      {
        field: 'stages["meeting.action"].overdueChases[0].duration',
        message: 'overdue chases must come after the due date (offset > 0)',
      },
    ]);
  });

  it('escalation tiers out of order, naming both tiers', () => {
    expect(
      errorsAfter((p) => (p.stages['s42.enquiry-report'].escalation[0].after.workingDays = 7)),
    ).toEqual(
      [0, 1].map((tier) => ({
        field: `stages["s42.enquiry-report"].escalation[${tier}].after.workingDays`,
        message: 'escalation tiers must be in ascending order',
      })),
    );
  });

  it('an escalation at the due date, or the same person twice', () => {
    expect(
      errorsAfter((p) => {
        const ladder = p.stages['meeting.action'].escalation;
        ladder[0].after = { workingDays: 0 };
        ladder[2].notify = 'owner-line-manager';
      }),
    ).toEqual([
      {
        field: 'stages["meeting.action"].escalation[0].after.workingDays',
        message: 'escalation must come after the due date (offset > 0)',
      },
      {
        field: 'stages["meeting.action"].escalation[2].notify',
        message: 'each escalation target may appear only once (already notified by escalation[0])',
      },
    ]);
  });

  it('an urgent ladder out of order, repeating a target, or on a stage that moves on by itself', () => {
    expect(
      errorsAfter((p) => {
        const urgent = p.stages['meeting.action'].urgentEscalation;
        urgent[0].after = { duration: 'PT5H' };
        urgent[1].notify = 'agency-designated-lead';
        p.stages['disagreement.stage-1'].urgentEscalation = [
          { after: { duration: 'PT1H' }, notify: 'board' },
        ];
      }).map((error) => error.field),
    ).toEqual([
      'stages["meeting.action"].urgentEscalation[0].after.duration',
      'stages["meeting.action"].urgentEscalation[1].after.duration',
      'stages["meeting.action"].urgentEscalation[1].notify',
      'stages["disagreement.stage-1"].urgentEscalation',
    ]);
  });

  it('an unknown escalation target', () => {
    expect(
      errorsAfter((p) => (p.stages['s42.decision'].escalation[1].notify = 'director')),
    ).toEqual([
      {
        field: 'stages["s42.decision"].escalation[1].notify',
        message:
          'must be one of owner, owner-line-manager, agency-designated-lead, local-authority-lead, head-of-service, board',
      },
    ]);
  });

  it('reminders in mixed units whose order cannot be known', () => {
    expect(
      errorsAfter(
        (p) =>
          (p.stages['meeting.action'].remindersBeforeDue = [
            { workingDays: -1 },
            { calendarDays: -2 },
          ]),
      ),
    ).toEqual([
      {
        field: 'stages["meeting.action"].remindersBeforeDue[1].calendarDays',
        message:
          'must use the same unit (workingDays) as the entry before it, so the order is unambiguous',
      },
    ]);
  });

  it('an unknown stage', () => {
    expect(errorsAfter((p) => (p.stages['s47.enquiry'] = p.stages['s42.decision']))).toEqual([
      { field: 'stages["s47.enquiry"]', message: 'unknown stage' },
    ]);
  });

  it('a missing stage', () => {
    expect(errorsAfter((p) => delete p.stages['s42.decision'])).toEqual([
      { field: 'stages["s42.decision"]', message: 'missing stage s42.decision' },
    ]);
  });

  it('an unknown property, at the top or deep in a stage', () => {
    expect(
      errorsAfter((p) => {
        p.partnershipId = 'p-1';
        p.stages['s42.decision'].escalation[0].cc = 'board';
      }),
    ).toEqual([
      {
        field: 'stages["s42.decision"].escalation[0].cc',
        message: 'unknown property',
      },
      { field: 'partnershipId', message: 'unknown property' },
    ]);
  });

  it('a timescale with two units, or none', () => {
    expect(
      errorsAfter((p) => {
        p.stages['s42.decision'].timescale = { workingDays: 1, calendarDays: 1 };
        p.stages['meeting.action'].timescale = {};
      }),
    ).toEqual([
      {
        field: 'stages["s42.decision"].timescale.calendarDays',
        message:
          'unknown property: a timescale has exactly one of workingDays, calendarDays or duration, and optionally at',
      },
      {
        field: 'stages["meeting.action"].timescale',
        message:
          'must be a timescale: { "workingDays": 5 }, { "calendarDays": 42 } or { "duration": "PT4H" }',
      },
    ]);
  });

  it('a required property left out', () => {
    expect(
      errorsAfter((p) => {
        delete p.stages['s42.decision'].timescale;
        delete p.stages['s42.decision'].title;
      }),
    ).toEqual([
      { field: 'stages["s42.decision"].title', message: 'is required' },
      { field: 'stages["s42.decision"].timescale', message: 'is required' },
    ]);
  });

  it('a send window that ends before it starts', () => {
    expect(errorsAfter((p) => (p.sendWindow = { ...p.sendWindow, end: '08:00' }))).toEqual([
      { field: 'sendWindow.start', message: 'start must be before end (08:00)' },
    ]);
  });

  it('a send window may cover every hour of every day, and end at 24:00 only', () => {
    const always: any = createDefaultPolicy();
    always.sendWindow = { days: 'every-day', start: '00:00', end: '24:00', urgentExempt: false };
    expect(validatePolicy(always).ok).toBe(true);
    expect(
      errorsAfter((p) => (p.sendWindow = { ...p.sendWindow, days: 'weekdays', end: '24:30' })),
    ).toEqual([
      { field: 'sendWindow.days', message: 'must be one of working-days, every-day' },
      {
        field: 'sendWindow.end',
        message: 'must be a 24-hour local time HH:MM, such as 17:30, or 24:00',
      },
    ]);
    expect(errorsAfter((p) => (p.workingDay.end = '24:00'))).toEqual([
      {
        field: 'workingDay.end',
        message: 'must be a 24-hour local time HH:MM, such as 08:30 or 17:30',
      },
    ]);
  });

  it('a malformed HH:MM', () => {
    expect(
      errorsAfter((p) => {
        p.workingDay.end = '5:30pm';
        p.stages['meeting.action'].timescale.at = '24:00';
      }),
    ).toEqual(
      ['workingDay.end', 'stages["meeting.action"].timescale.at'].map((field) => ({
        field,
        message: 'must be a 24-hour local time HH:MM, such as 08:30 or 17:30',
      })),
    );
  });

  it('a malformed ISO 8601 duration', () => {
    expect(
      errorsAfter((p) => {
        p.stages['s42.decision'].variants.urgent = { duration: '4 hours' };
        p.stages['s42.decision'].remindersBeforeDue[0] = { duration: 'PT' };
      }),
    ).toEqual([
      {
        field: 'stages["s42.decision"].variants.urgent.duration',
        message:
          'must be an ISO 8601 duration such as PT4H, PT30M or P2D (days, hours, minutes, seconds)',
      },
      {
        field: 'stages["s42.decision"].remindersBeforeDue[0].duration',
        message:
          'must be an ISO 8601 duration such as PT4H, PT30M, P2D or -PT2H (days, hours, minutes, seconds)',
      },
    ]);
  });

  it('an urgent variant longer than the normal timescale, naming both', () => {
    expect(
      errorsAfter((p) => (p.stages['s42.strategy-discussion'].variants.urgent.workingDays = 6)),
    ).toEqual(
      ['variants.urgent', 'timescale'].map((where) => ({
        field: `stages["s42.strategy-discussion"].${where}.workingDays`,
        message: 'the urgent timescale must not be longer than the normal timescale',
      })),
    );
  });

  it('automatic escalation that loops, leaves its process, or still has chases', () => {
    expect(
      errorsAfter((p) => (p.stages['disagreement.stage-4-inform'].autoEscalateTo = 's42.decision')),
    ).toEqual([
      {
        field: 'stages["disagreement.stage-4-inform"].overdueChases',
        message: 'must be empty when the stage moves on by itself (autoEscalateTo)',
      },
      {
        field: 'stages["disagreement.stage-4-inform"].escalation',
        message: 'must be empty when the stage moves on by itself (autoEscalateTo)',
      },
      {
        field: 'stages["disagreement.stage-4-inform"].autoEscalateTo',
        message: 'must be a disagreement stage',
      },
    ]);
    const loop = errorsAfter(
      (p) => (p.stages['disagreement.stage-3'].autoEscalateTo = 'disagreement.stage-1'),
    );
    expect(loop).toContainEqual({
      field: 'stages["disagreement.stage-1"].autoEscalateTo',
      message:
        'must not lead back to this stage (disagreement.stage-1 → disagreement.stage-2 → disagreement.stage-3 → disagreement.stage-1)',
    });
    expect(loop).toHaveLength(3);
  });

  it('the wrong schema version, nation or time zone', () => {
    expect(
      errorsAfter((p) => {
        p.schemaVersion = 2;
        p.nation = 'wales';
        p.timeZone = 'UTC';
      }),
    ).toEqual([
      { field: 'schemaVersion', message: 'must be 1, the only policy schema version so far' },
      { field: 'nation', message: 'must be one of england-and-wales, scotland, northern-ireland' },
      { field: 'timeZone', message: 'must be "Europe/London"' },
    ]);
  });

  it('a title that could break an email subject', () => {
    expect(errorsAfter((p) => (p.stages['meeting.action'].title = 'Action\r\nBcc: x'))).toEqual([
      {
        field: 'stages["meeting.action"].title',
        message: 'must be text of 1 to 80 characters on one line',
      },
    ]);
  });

  it('something that is not a policy at all', () => {
    for (const input of [null, 'policy', 42, []]) {
      expect(validatePolicy(input)).toEqual({
        ok: false,
        errors: [{ field: '(document)', message: 'must be an object' }],
      });
    }
  });
});

describe('validatePolicy accepts', () => {
  it('hour-scale durations and calendar days, with a time of day', () => {
    const policy: any = createDefaultPolicy();
    policy.stages['s42.decision'].variants = { urgent: { duration: 'PT4H' } };
    policy.stages['s42.decision'].remindersBeforeDue = [{ duration: '-PT2H' }, { workingDays: 0 }];
    policy.stages['meeting.action'].timescale = { calendarDays: 14, at: '12:00' };
    expect(validatePolicy(policy)).toEqual({ ok: true, policy });
  });
});
