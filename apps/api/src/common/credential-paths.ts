import { ACTION_LINK_ROUTE } from '@safeguard/platform';

/** Routes whose path holds a credential: calendar feeds and action links. */
const CREDENTIAL_PATH = new RegExp(`^(/(?:calendar|${ACTION_LINK_ROUTE})/)[^?#]+`);

/** Request logs must not hold these URLs, even mistyped ones: the path is the credential. */
export function redactCredentialPaths(url: string): string {
  return url.replace(CREDENTIAL_PATH, '$1[redacted]');
}
