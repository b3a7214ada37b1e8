import { escapeText, foldLine, serializeCalendar, utcDateTime } from './icalendar';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('iCalendar serialisation', () => {
  const calendar = {
    productId: '-//Safeguarding//Deadlines//EN',
    name: 'Safeguarding deadlines',
    stamp: new Date('2026-11-30T09:15:42.123Z'),
    events: [
      {
        uid: 'a1@safeguarding',
        start: new Date('2026-12-01T17:00:00Z'),
        end: new Date('2026-12-01T17:30:00Z'),
        summary: 'Action due: ACT-2026-000042',
        description: 'Open the service; see the item, please.',
        url: 'https://safeguarding.example/actions/a1',
      },
    ],
  };

  it('writes a VCALENDAR with its required properties and one VEVENT per event', () => {
    const lines = serializeCalendar(calendar).split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Safeguarding//Deadlines//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Safeguarding deadlines',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:a1@safeguarding',
        'DTSTAMP:20261130T091542Z',
        'DTSTART:20261201T170000Z',
        'DTEND:20261201T173000Z',
        'SUMMARY:Action due: ACT-2026-000042',
        'DESCRIPTION:Open the service\\; see the item\\, please.',
        'URL:https://safeguarding.example/actions/a1',
        'END:VEVENT',
      ]),
    );
    expect(lines.slice(-2)).toEqual(['END:VCALENDAR', '']);
  });

  it('ends every line with CRLF and never uses a bare line feed or carriage return', () => {
    const ics = serializeCalendar({ ...calendar, name: 'two\nlines\r\nthree' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('X-WR-CALNAME:two\\nlines\\nthree\r\n');
  });

  it('writes an empty calendar when there is nothing due', () => {
    expect(serializeCalendar({ ...calendar, events: [] })).not.toContain('VEVENT');
  });

  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes UTC date-times without separators or fractions', () => {
    expect(utcDateTime(new Date('2026-03-29T00:59:59.999Z'))).toBe('20260329T005959Z');
  });

  it('refuses a URL with a control character rather than break the line structure', () => {
    const [event] = calendar.events;
    const events = [{ ...event, url: 'https://x.example/\r\nATTENDEE:evil' }];
    expect(() => serializeCalendar({ ...calendar, events })).toThrow(/control character/);
  });

  describe('folding', () => {
    it('leaves lines of up to 75 octets alone', () => {
      const line = `SUMMARY:${'x'.repeat(67)}`;
      expect(foldLine(line)).toBe(line);
    });

    it('folds longer lines into 75-octet physical lines that unfold to the original', () => {
      const line = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
      const folded = foldLine(line);
      const physical = folded.split('\r\n');
      expect(physical.length).toBe(3);
      expect(physical.map(octets)).toEqual([75, 75, octets(line) - 75 - 74 + 1]);
      expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
      expect(unfold(folded)).toBe(line);
    });

    it('counts octets, not characters, and never splits a UTF-8 sequence', () => {
      const line = `SUMMARY:${'£€😀'.repeat(30)}`;
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        expect(part).not.toContain('\uFFFD');
        expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      }
      expect(unfold(folded)).toBe(line);
    });

    it('folds every long line of a whole calendar', () => {
      const [event] = calendar.events;
      const events = [{ ...event, description: 'long, '.repeat(40) }];
      const ics = serializeCalendar({ ...calendar, events });
      expect(ics.split('\r\n').every((part) => octets(part) <= 75)).toBe(true);
      expect(unfold(ics)).toContain(`DESCRIPTION:${'long\\, '.repeat(40)}`);
    });
  });
});
