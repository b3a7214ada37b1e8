/**
 * Who a signed-in identity is in the directory. The identity provider's stable subject decides
 * once it is bound; an email only ever finds a person who has no subject bound yet, and that
 * first sign-in binds it. Never "whichever row comes first". The development issuer alone binds
 * nothing: its tokens find people by email (see bindsSubject).
 */
export interface SignInIdentity {
  /** The token's `iss`: for Entra ID it names the tenant. */
  issuer: string;
  /** The stable subject claim (`sub`, or Entra ID's `oid`). */
  subject: string;
  email: string;
  /**
   * False only for the development issuer (AUTH_DEV_ISSUER, never in production). It is not an
   * identity provider but a test convenience that signs a token for any email asked for, so a
   * binding would protect nothing; and a person bound to it would be refused by the dev stack's
   * real provider, another issuer, as "linked to another sign-in account".
   */
  bindsSubject: boolean;
}

/** A directory row that matched the identity by subject or by email. */
export interface SignInCandidate {
  personId: string;
  email: string;
  active: boolean;
  identityIssuer: string | null;
  identitySubject: string | null;
}

export type SignInMatch<C extends SignInCandidate> =
  | { outcome: 'signed-in'; person: C }
  | { outcome: 'first-sign-in'; person: C }
  | { outcome: 'not-in-directory' }
  | { outcome: 'refused'; reason: SignInRefusal; personIds: string[] };

export type SignInRefusal = 'ambiguous-email' | 'bound-to-another-identity';

export function matchSignIn<C extends SignInCandidate>(
  identity: SignInIdentity,
  candidates: readonly C[],
): SignInMatch<C> {
  const bound = identity.bindsSubject
    ? candidates.find(
        (person) =>
          person.identityIssuer === identity.issuer && person.identitySubject === identity.subject,
      )
    : undefined;
  if (bound) return bound.active ? { outcome: 'signed-in', person: bound } : notInDirectory;

  const byEmail = candidates.filter(
    (person) => person.email.toLowerCase() === identity.email.toLowerCase(),
  );
  if (byEmail.length === 0) return notInDirectory;
  if (byEmail.length > 1) {
    return refused('ambiguous-email', byEmail);
  }
  const [person] = byEmail;
  if (!identity.bindsSubject) {
    return person.active ? { outcome: 'signed-in', person } : notInDirectory;
  }
  if (person.identitySubject !== null) return refused('bound-to-another-identity', byEmail);
  return person.active ? { outcome: 'first-sign-in', person } : notInDirectory;
}

export const SIGN_IN_REFUSALS: Record<SignInRefusal, string> = {
  'ambiguous-email':
    'more than one person in the directory has this email address; an administrator must correct the directory',
  'bound-to-another-identity':
    'this person in the directory is already linked to another sign-in account; ask an administrator',
};

const notInDirectory = { outcome: 'not-in-directory' } as const;

function refused(reason: SignInRefusal, people: readonly SignInCandidate[]) {
  return { outcome: 'refused', reason, personIds: people.map((p) => p.personId) } as const;
}
