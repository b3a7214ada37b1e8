import { csvField, csvLines } from './csv';

describe('report CSV', () => {
  it('quotes what RFC 4180 says to, and ends every line with CRLF', () => {
    expect(
      csvLines([
        ['a', 'b, c'],
        ['say "no"', 'two\nlines'],
      ]),
    ).toBe('a,"b, c"\r\n"say ""no""","two\nlines"\r\n');
  });

  it('keeps a text that a spreadsheet would run as a formula a text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ['+', '-', '@']) {
      expect(csvField(`${start}cmd`)).toBe(`'${start}cmd`);
    }
    expect(csvField('\tcmd')).toBe(`"'\tcmd"`);
  });

  it('quotes semicolons and tabs too, which spreadsheets in many locales split on', () => {
    expect(csvLines([['Police; North', 'Care\tHome', 'plain']])).toBe(
      '"Police; North","Care\tHome",plain\r\n',
    );
  });

  it('leaves numbers, negative ones too, as numbers', () => {
    expect(['0', '42', '-3', '2.5'].map(csvField)).toEqual(['0', '42', '-3', '2.5']);
  });
});
