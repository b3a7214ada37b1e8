import { loggableUrl, redactCredentialPaths } from './loggable-url';

describe('credential paths in logged URLs', () => {
  const token = 'AbC_d-9'.repeat(10);

  it('are redacted for calendar feeds and action links, keeping the query', () => {
    expect(redactCredentialPaths(`/calendar/${token}.ics?x=1`)).toBe('/calendar/[redacted]?x=1');
    expect(redactCredentialPaths(`/calendar/${token}`)).toBe('/calendar/[redacted]');
    expect(redactCredentialPaths(`/links/${token}.${token}`)).toBe('/links/[redacted]');
    expect(redactCredentialPaths(`/links/${token}#x`)).toBe('/links/[redacted]#x');
  });

  it('are redacted however the router would match them: any letter case, doubled slashes', () => {
    expect(redactCredentialPaths(`/LINKS/${token}`)).toBe('/LINKS/[redacted]');
    expect(redactCredentialPaths(`/Calendar/${token}.ics`)).toBe('/Calendar/[redacted]');
    expect(redactCredentialPaths(`//links//${token}`)).toBe('//links//[redacted]');
  });

  it('leave every other path alone', () => {
    expect(redactCredentialPaths('/actions/5d1f')).toBe('/actions/5d1f');
    expect(redactCredentialPaths(`/actions/5d1f?next=/links/${token}`)).toBe(
      `/actions/5d1f?next=/links/${token}`,
    );
  });

  it('logs paths without query strings, which can carry search terms such as emails', () => {
    expect(loggableUrl('/people?email=sam.patel@county.gov.uk')).toBe('/people');
    expect(loggableUrl(`/calendar/${'a'.repeat(43)}.ics?x=1`)).toBe('/calendar/[redacted]');
    expect(loggableUrl('/actions/5d1f')).toBe('/actions/5d1f');
  });
});
