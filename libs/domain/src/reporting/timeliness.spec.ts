import { ukInstant } from '../calendar/uk-time';
import { escalationLogPeriod } from '../disagreements/escalation-log';
import { timelinessCsv, timelinessReport, type TimelinessItem } from './timeliness';

const london = (text: string) => {
  const [date, time = '00:00'] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return ukInstant({ year, month, day, hour, minute });
};
const trust = { id: 'a1', name: 'Northshire NHS Trust' };
const police = { id: 'a2', name: 'Northshire Police' };
const item = (
  dueAt: string,
  completedAt: string | null,
  agency = trust,
  stage: TimelinessItem['stage'] = 'meeting.action',
): TimelinessItem => ({
  stage,
  agency,
  dueAt: london(dueAt),
  completedAt: completedAt ? london(completedAt) : null,
});
const quarter = escalationLogPeriod('2026-10-01', '2026-12-31');
const now = london('2026-12-14 12:00');

describe('timeliness report', () => {
  it('gives the share on time and how late the late ones were, in working days', () => {
    const report = timelinessReport(
      quarter,
      'england-and-wales',
      [
        item('2026-11-02 17:30', '2026-11-02 09:00'), // on time
        item('2026-11-02 17:30', '2026-11-02 17:30'), // on the instant: on time
        item('2026-11-02 17:30', '2026-11-02 18:00'), // later that day: 0 working days late
        item('2026-11-06 17:30', '2026-11-09 10:00'), // Friday to Monday: 1
        item('2026-11-10 17:30', '2026-11-17 10:00'), // 5
        item('2026-11-27 17:30', null), // still open on 14 December: 11
      ],
      now,
    );
    expect(report.rows).toEqual([
      {
        stage: 'meeting.action',
        agencyId: 'a1',
        agencyName: 'Northshire NHS Trust',
        month: '2026-11',
        items: 6,
        onTime: 2,
        onTimeShare: 0.333,
        late: 4,
        medianWorkingDaysLate: 1,
        p90WorkingDaysLate: 11,
      },
    ]);
  });

  it('groups by stage, agency and the UK month things fell due, and judges nothing not yet due', () => {
    const report = timelinessReport(
      quarter,
      'england-and-wales',
      [
        // 23:30 UTC on 31 October is 31 October in London (GMT): October.
        {
          ...item('2026-10-31 23:30', '2026-10-30 10:00'),
          dueAt: new Date('2026-10-31T23:30:00Z'),
        },
        item('2026-11-03 17:30', '2026-11-03 10:00', police),
        item('2026-11-03 17:30', '2026-11-03 10:00', trust, 's42.decision'),
        item('2026-12-20 17:30', null), // not yet due on the 14th
        item('2026-09-30 17:30', null), // before the period
      ],
      now,
    );
    expect(report.rows.map((row) => [row.stage, row.agencyName, row.month, row.items])).toEqual([
      ['meeting.action', 'Northshire NHS Trust', '2026-10', 1],
      ['meeting.action', 'Northshire Police', '2026-11', 1],
      ['s42.decision', 'Northshire NHS Trust', '2026-11', 1],
    ]);
    expect(report.rows[0]).toMatchObject({ onTimeShare: 1, late: 0, medianWorkingDaysLate: null });
  });

  it('downloads as CSV with a header, blanks for no lateness, and agency names kept as text', () => {
    const report = timelinessReport(
      quarter,
      'england-and-wales',
      [item('2026-11-02 17:30', '2026-11-02 09:00', { id: 'a3', name: '=Evil, Agency' })],
      now,
    );
    expect(timelinessCsv(report)).toBe(
      'stage,agency,month,items,on_time,on_time_share,late,median_working_days_late,p90_working_days_late\r\n' +
        `meeting.action,"'=Evil, Agency",2026-11,1,1,1,0,,\r\n`,
    );
  });
});
