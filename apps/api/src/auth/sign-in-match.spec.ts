import { matchSignIn, type SignInCandidate } from './sign-in-match';

describe('who a signed-in identity is', () => {
  const identity = {
    issuer: 'https://idp.example/tenant-a',
    subject: 'sub-1',
    email: 'Sam@x.org',
    bindsSubject: true,
  };
  const person = (fields: Partial<SignInCandidate> = {}): SignInCandidate => ({
    personId: 'p-1',
    email: 'sam@x.org',
    active: true,
    identityIssuer: null,
    identitySubject: null,
    ...fields,
  });
  const bound = { identityIssuer: identity.issuer, identitySubject: identity.subject };

  it('binds at the first sign-in, matching the email whatever its case', () => {
    expect(matchSignIn(identity, [person()])).toEqual({
      outcome: 'first-sign-in',
      person: person(),
    });
  });

  it('afterwards goes by the bound subject, even when the email now finds someone else', () => {
    const subjectOwner = person({ personId: 'p-1', email: 'old@x.org', ...bound });
    const emailOwner = person({ personId: 'p-2' });
    expect(matchSignIn(identity, [emailOwner, subjectOwner])).toEqual({
      outcome: 'signed-in',
      person: subjectOwner,
    });
  });

  it('refuses an email whose person is bound to another identity', () => {
    const other = person({ identityIssuer: identity.issuer, identitySubject: 'sub-2' });
    expect(matchSignIn(identity, [other])).toEqual({
      outcome: 'refused',
      reason: 'bound-to-another-identity',
      personIds: ['p-1'],
    });
    // The same subject from another tenant is another identity too.
    const otherTenant = person({
      identityIssuer: 'https://idp.example/tenant-b',
      identitySubject: 'sub-1',
    });
    expect(matchSignIn(identity, [otherTenant]).outcome).toBe('refused');
  });

  it('refuses an email that finds more than one person, never taking the first', () => {
    const twins = [person({ personId: 'p-1' }), person({ personId: 'p-2', email: 'SAM@x.org' })];
    expect(matchSignIn(identity, twins)).toEqual({
      outcome: 'refused',
      reason: 'ambiguous-email',
      personIds: ['p-1', 'p-2'],
    });
  });

  it('lets nobody in who is not an active person of the directory', () => {
    expect(matchSignIn(identity, [])).toEqual({ outcome: 'not-in-directory' });
    expect(matchSignIn(identity, [person({ active: false })]).outcome).toBe('not-in-directory');
    expect(matchSignIn(identity, [person({ active: false, ...bound })]).outcome).toBe(
      'not-in-directory',
    );
  });

  describe('from the development issuer, which binds nothing', () => {
    const devIdentity = { ...identity, issuer: 'urn:dev', subject: 'p-1', bindsSubject: false };

    it('finds the person by email alone, bound or not, and never binds them', () => {
      for (const candidate of [person(), person({ ...bound })]) {
        expect(matchSignIn(devIdentity, [candidate])).toEqual({
          outcome: 'signed-in',
          person: candidate,
        });
      }
    });

    it('ignores a binding to its own subject: only the email counts', () => {
      const boundToDev = person({
        email: 'old@x.org',
        identityIssuer: 'urn:dev',
        identitySubject: 'p-1',
      });
      expect(matchSignIn(devIdentity, [boundToDev])).toEqual({ outcome: 'not-in-directory' });
    });

    it('still lets nobody in who is inactive, and still refuses an ambiguous email', () => {
      expect(matchSignIn(devIdentity, [person({ active: false })]).outcome).toBe(
        'not-in-directory',
      );
      const twins = [person({ personId: 'p-1' }), person({ personId: 'p-2' })];
      expect(matchSignIn(devIdentity, twins).outcome).toBe('refused');
    });
  });
});
