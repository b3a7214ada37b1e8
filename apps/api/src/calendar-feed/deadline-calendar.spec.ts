import { deadlineCalendar } from './deadline-calendar';

describe('deadlineCalendar', () => {
  const id = '5d1f0c2a-7b1e-4c1a-9f3e-2b8d6a4c0e11';
  const ics = deadlineCalendar(
    [{ id, reference: 'ACT-2026-000042', dueAt: new Date('2026-12-01T17:30:00Z') }],
    'https://safeguarding.example',
    new Date('2026-11-30T09:00:00Z'),
  );
  const lines = ics.replace(/\r\n /g, '').split('\r\n');

  it('makes a 30-minute event ending at the due instant, with a stable UID', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        `UID:${id}@safeguarding`,
        'DTSTAMP:20261130T090000Z',
        'DTSTART:20261201T170000Z',
        'DTEND:20261201T173000Z',
      ]),
    );
  });

  it('says only the reference and where to look', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'SUMMARY:Action due: ACT-2026-000042',
        'DESCRIPTION:Open the safeguarding service to see this item.',
        `URL:https://safeguarding.example/actions/${id}`,
        'X-WR-CALNAME:Safeguarding deadlines',
      ]),
    );
  });
});
