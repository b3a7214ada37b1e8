/**
 * RFC 5545 serialisation of a published calendar of timed events: only what the deadline feed
 * needs, written here rather than pulled in as a dependency.
 */

export interface CalendarEvent {
  /** Globally unique and stable across fetches, so clients update an event instead of adding one. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  url: string;
}

export interface Calendar {
  productId: string;
  name: string;
  /** When this copy was generated: every event's DTSTAMP. */
  stamp: Date;
  events: CalendarEvent[];
}

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

export function serializeCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    text('PRODID', calendar.productId),
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    text('X-WR-CALNAME', calendar.name),
    ...calendar.events.flatMap((event) => eventLines(event, calendar.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(event: CalendarEvent, stamp: Date): string[] {
  return [
    'BEGIN:VEVENT',
    text('UID', event.uid),
    `DTSTAMP:${utcDateTime(stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    text('SUMMARY', event.summary),
    text('DESCRIPTION', event.description),
    uri('URL', event.url),
    // A deadline is not a meeting: it must not show the owner as busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** A TEXT value (§3.3.11): backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

function text(name: string, value: string): string {
  return `${name}:${escapeText(value)}`;
}

/** A URI value (§3.3.13) is not escaped, so a control character would break the line structure. */
function uri(name: string, value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error(`${name} contains a control character`);
  return `${name}:${value}`;
}

/** DATE-TIME in UTC form (§3.3.5), e.g. 20261201T173000Z; fractions of a second are dropped. */
export function utcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Folds a content line (§3.1) into physical lines of at most 75 octets, each continuation
 * starting with one space (which counts). Splits fall between characters, never inside a UTF-8
 * sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
