import { randomUUID } from 'node:crypto';
import {
  ACTION_LINK_LIFETIME_MS,
  signActionLink,
  type ActionLink,
  type ActionLinkVerb,
} from './action-link';

/** The API's route for action links; the worker builds the URLs it emails on the same path. */
export const ACTION_LINK_ROUTE = 'links';
export const ACTION_LINK_PATH = `/${ACTION_LINK_ROUTE}/`;

export interface ActionLinkRequest {
  actionId: string;
  recipientId: string;
  verb: ActionLinkVerb;
}

/** A fresh link (its own id, expiring a lifetime from `now`) as a URL under `baseUrl`. */
export function issueActionLink(
  baseUrl: string,
  request: ActionLinkRequest,
  secret: Uint8Array,
  now: Date,
): string {
  const link: ActionLink = {
    ...request,
    linkId: randomUUID(),
    expiresAt: new Date(now.getTime() + ACTION_LINK_LIFETIME_MS),
  };
  return `${baseUrl}${ACTION_LINK_PATH}${signActionLink(link, secret)}`;
}
