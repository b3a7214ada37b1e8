/**
 * CSV as RFC 4180 writes it, for the reports boards download (the statutory return, the
 * escalation log): a record per line, every line ending CRLF (the last one too); a field with a
 * comma, a double quote or a line break goes in double quotes, its quotes doubled. Fields are
 * written as given: callers turn numbers, dates and missing values into text first.
 */
export function csvLines(records: readonly (readonly string[])[]): string {
  return records.map((fields) => fields.map(csvField).join(',') + '\r\n').join('');
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
