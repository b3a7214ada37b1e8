/**
 * CSV as RFC 4180 writes it, for the reports boards download (the statutory return, the
 * escalation log): a record per line, every line ending CRLF (the last one too); a field with a
 * comma, a semicolon, a tab, a double quote or a line break goes in double quotes, its quotes
 * doubled (semicolons and tabs too, because spreadsheets in many locales split on them). Fields are
 * written as given: callers turn numbers, dates and missing values into text first.
 *
 * These files are opened in spreadsheets, where a cell starting with =, +, -, @ or a control
 * character runs as a formula; such a text (an agency name, say) is written with a leading
 * apostrophe so it stays text. Plain numbers are left as they are.
 */
export function csvLines(records: readonly (readonly string[])[]): string {
  return records.map((fields) => fields.map(csvField).join(',') + '\r\n').join('');
}

export function csvField(value: string): string {
  const text = startsLikeAFormula(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function startsLikeAFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);
}
