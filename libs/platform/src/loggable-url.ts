import { ACTION_LINK_ROUTE } from './action-links';

/**
 * Routes whose path holds a credential: calendar feeds and action links, spelt any way the
 * router accepts them (it matches paths case-insensitively).
 */
const CREDENTIAL_PATH = new RegExp(`^(/+(?:calendar|${ACTION_LINK_ROUTE})/+)[^?#]+`, 'i');

/** Request logs must not hold these URLs, even mistyped ones: the path is the credential. */
export function redactCredentialPaths(url: string): string {
  return url.replace(CREDENTIAL_PATH, '$1[redacted]');
}

/**
 * What a request log may say about a URL: the path, credentials redacted, without the query
 * string, which can hold search terms such as an email address (GET /people?email=…).
 */
export function loggableUrl(url: string): string {
  return redactCredentialPaths(url.replace(/[?#].*$/s, ''));
}
