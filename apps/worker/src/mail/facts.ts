/**
 * The facts a message may carry, and nothing else: references, instants, links into the service,
 * signed action links, counts and stage numbers (practice primer §4). There is deliberately no way
 * to give a template a name, a date of birth, an allegation or any text a user typed:
 *
 * - at compile time, every kind's facts need a schema (`SchemaFor`), and a `string` field can only
 *   be given one if it is called `reference`, `link` or `…Link` (an action link); any other string
 *   field has no valid schema, and a number is a count unless it is called `stage` (1 to 4).
 *   Only an action link may be optional (`optionalActionLink`: links go to the owner only, so a
 *   message that can reach someone else carries one only for them, and a verb an item's own
 *   process keeps to itself is not offered for that item);
 * - at render time, `assertFacts` checks each value against its schema (reference pattern, link
 *   shape, plausible instant, stage in range) and refuses unknown fields, so an object carrying
 *   extra properties cannot slip anything through either.
 *
 * Errors name the field and the rule, never the value: a refused value may be exactly the personal
 * data we are keeping out, and errors end up in logs and workflow histories.
 */

import { ACTION_LINK_PATH, ACTION_LINK_TOKEN } from '@safeguard/platform';

/** Kinds of message about one action; a digest item is one of these. */
export const ACTION_MESSAGE_KINDS = [
  'action.due',
  'action.reminder',
  'action.overdue',
  'action.escalated',
  'action.unescalated',
  'action.owner-unreachable',
  'action.assigned',
  'action.extension-requested',
  'action.extension-approved',
  'action.extension-refused',
  'action.cancelled',
] as const;
export type ActionMessageKind = (typeof ACTION_MESSAGE_KINDS)[number];

/** Kinds of message about one professional disagreement; never part of a digest. */
export const DISAGREEMENT_MESSAGE_KINDS = [
  'disagreement.stage-started',
  'disagreement.reminder',
  'disagreement.escalated',
  'disagreement.overdue',
  'disagreement.resolved',
  'disagreement.withdrawn',
] as const;
export type DisagreementMessageKind = (typeof DISAGREEMENT_MESSAGE_KINDS)[number];

export type MessageKind = ActionMessageKind | DisagreementMessageKind | 'digest.daily';

/** One action: its reference (ACT-2026-000042), when it is due and where to open it. */
export interface ActionFacts {
  reference: string;
  dueAt: Date;
  link: string;
}

/**
 * The due reminder also lets its recipient mark the action complete without signing in, unless the
 * action is a deadline of a Section 42 enquiry: that closes only through the enquiry's commands.
 */
export interface ActionDueFacts extends ActionFacts {
  /** A signed, single-use action link (`…/links/<token>`) for the `complete` verb, if offered. */
  completeLink?: string;
}

/** The "due soon" reminder (always to the owner) lets them acknowledge it without signing in. */
export interface ActionReminderFacts extends ActionFacts {
  /** A signed, single-use action link (`…/links/<token>`) for the `acknowledge` verb. */
  acknowledgeLink: string;
}

/**
 * "Assigned to you" asks the new owner to acknowledge the action. It goes to the owner, or to
 * their line manager if the owner has been deactivated since, who gets no link: links act as the
 * owner.
 */
export interface ActionAssignedFacts extends ActionFacts {
  /** A signed, single-use action link for the `acknowledge` verb, when sent to the owner. */
  acknowledgeLink?: string;
}

/** One line of the daily digest; its neutral title comes from `kind`, never from the caller. */
export interface DigestItem {
  kind: ActionMessageKind;
  reference: string;
  dueAt: Date;
  link: string;
}

export interface DigestFacts {
  items: readonly DigestItem[];
  /** Where to see all of them. */
  link: string;
}

/**
 * One professional disagreement: its reference (DIS-2026-000007), the stage it is at and where to
 * open it. What is disagreed, by whom, and the case it concerns stay in the service.
 */
export interface DisagreementFacts {
  reference: string;
  stage: number;
  link: string;
}

/** While a stage runs, when its timescale runs out; once resolved or withdrawn there is none. */
export interface DisagreementStageFacts extends DisagreementFacts {
  dueAt: Date;
}

export interface MessageFacts {
  'action.due': ActionDueFacts;
  'action.reminder': ActionReminderFacts;
  'action.overdue': ActionFacts;
  'action.escalated': ActionFacts;
  'action.unescalated': ActionFacts;
  'action.owner-unreachable': ActionFacts;
  'action.assigned': ActionAssignedFacts;
  'action.extension-requested': ActionFacts;
  'action.extension-approved': ActionFacts;
  'action.extension-refused': ActionFacts;
  'action.cancelled': ActionFacts;
  'disagreement.stage-started': DisagreementStageFacts;
  'disagreement.reminder': DisagreementStageFacts;
  'disagreement.escalated': DisagreementStageFacts;
  'disagreement.overdue': DisagreementStageFacts;
  'disagreement.resolved': DisagreementFacts;
  'disagreement.withdrawn': DisagreementFacts;
  'digest.daily': DigestFacts;
}

export type FieldSpec =
  | 'reference'
  | 'link'
  | 'actionLink'
  | 'optionalActionLink'
  | 'instant'
  | 'count'
  | 'stage'
  | 'actionKind'
  | ListSpec;
export interface ListSpec {
  readonly list: FactsSchema;
}
export type FactsSchema = { readonly [field: string]: FieldSpec };

type SpecFor<K, T> = [T] extends [ActionMessageKind]
  ? 'actionKind'
  : [T] extends [string]
    ? K extends 'reference'
      ? 'reference'
      : K extends 'link'
        ? 'link'
        : K extends `${string}Link`
          ? 'actionLink'
          : never // a free string under any other name cannot be declared
    : [T] extends [string | undefined]
      ? K extends `${string}Link`
        ? 'optionalActionLink'
        : never // of the strings, only an action link may be left out
      : [T] extends [Date]
        ? 'instant'
        : [T] extends [number]
          ? K extends 'stage'
            ? 'stage'
            : 'count'
          : [T] extends [ReadonlyArray<infer I>]
            ? { readonly list: SchemaFor<I> }
            : never;

/** The schema a facts type must declare: one spec per field, each fixed by the field's type. */
export type SchemaFor<T> = { readonly [K in keyof T]-?: SpecFor<K, T[K]> };

/** `ACT-2026-000042` and its siblings (`ENQ-…`, `DIS-…`). */
export const REFERENCE_PATTERN = /^[A-Z]{2,5}-\d{4}-\d{6,}$/;

/**
 * A link into the service: http(s), a host, an optional port, then path segments and an optional
 * query that are lower case (ids, route words) or a reference. No user info, fragment or percent
 * encoding, no spaces, quotes or angle brackets: nothing that could carry a name or break out of
 * an HTML attribute, and nothing shaped like a date (12/03/1941, 1941-03-12): dates are facts of
 * their own. The service's base URL must therefore be lower case in its path.
 */
const LINK_PATTERN =
  /^https?:\/\/(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?((?:\/[^/?#]*)*)(?:\?([a-z0-9._~=&-]*))?$/;
const PATH_SEGMENT = /^[a-z0-9._~-]*$/;
const DATE_LIKE = /(?:^|\D)\d{1,4}[-./_]\d{1,2}[-./_]\d{1,4}(?:\D|$)/;
const MAX_LINK_LENGTH = 2048;

/** Due dates outside this range are a mistake, such as a date of birth in the wrong field. */
const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
const LATEST_INSTANT = Date.UTC(2100, 0, 1);

/** The stages of the disagreement ladder (practice primer §3). */
const FIRST_STAGE = 1;
const LAST_STAGE = 4;

export class MessageFactsError extends Error {
  override name = 'MessageFactsError';
}

export function isReference(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && REFERENCE_PATTERN.test(value);
}

export function isServiceLink(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_LINK_LENGTH) return false;
  const match = LINK_PATTERN.exec(value);
  if (!match) return false;
  const [, path, query = ''] = match;
  if (DATE_LIKE.test(path) || DATE_LIKE.test(query)) return false;
  const segments = path.split('/').slice(1);
  return segments.every((segment) => PATH_SEGMENT.test(segment) || isReference(segment));
}

/**
 * A signed action link: a service link, then `/links/` and a token of the one fixed shape, whose
 * payload is binary ids (see libs/platform/src/action-links): no room for a name.
 */
export function isActionLink(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const at = value.lastIndexOf(ACTION_LINK_PATH);
  return (
    at > 0 &&
    isServiceLink(value.slice(0, at)) &&
    ACTION_LINK_TOKEN.test(value.slice(at + ACTION_LINK_PATH.length))
  );
}

function isPlausibleInstant(value: unknown): value is Date {
  if (!(value instanceof Date)) return false;
  const time = value.getTime();
  return time >= EARLIEST_INSTANT && time < LATEST_INSTANT;
}

/** Throws a `MessageFactsError` naming the first field that does not fit `schema`. */
export function assertFacts(kind: MessageKind, schema: FactsSchema, facts: unknown): void {
  checkObject(schema, facts, kind);
}

function checkObject(schema: FactsSchema, value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MessageFactsError(`${path}: facts must be an object`);
  }
  for (const field of Object.keys(value)) {
    if (!Object.hasOwn(schema, field)) {
      throw new MessageFactsError(`${path}.${field}: not a fact this message takes`);
    }
  }
  for (const [field, spec] of Object.entries(schema)) {
    checkField(spec, (value as Record<string, unknown>)[field], `${path}.${field}`);
  }
}

function checkField(spec: FieldSpec, value: unknown, path: string): void {
  const refuse = (rule: string) => {
    throw new MessageFactsError(`${path}: ${rule}`);
  };
  if (typeof spec === 'object') {
    if (!Array.isArray(value)) return refuse('must be a list');
    value.forEach((item, index) => checkObject(spec.list, item, `${path}[${index}]`));
    return;
  }
  switch (spec) {
    case 'reference':
      if (!isReference(value)) refuse(`must be a reference matching ${REFERENCE_PATTERN.source}`);
      return;
    case 'link':
      if (!isServiceLink(value)) refuse('must be an http(s) link into the service');
      return;
    case 'actionLink':
      if (!isActionLink(value)) refuse('must be a signed action link into the service');
      return;
    case 'optionalActionLink':
      if (value !== undefined && !isActionLink(value)) {
        refuse('must be a signed action link into the service, or left out');
      }
      return;
    case 'instant':
      if (!isPlausibleInstant(value)) refuse('must be a valid date between 2000 and 2099');
      return;
    case 'count':
      if (!Number.isSafeInteger(value) || (value as number) < 0) {
        refuse('must be a whole number, zero or more');
      }
      return;
    case 'stage':
      if (
        !Number.isInteger(value) ||
        (value as number) < FIRST_STAGE ||
        (value as number) > LAST_STAGE
      ) {
        refuse(`must be a stage number from ${FIRST_STAGE} to ${LAST_STAGE}`);
      }
      return;
    case 'actionKind':
      if (!(ACTION_MESSAGE_KINDS as readonly unknown[]).includes(value)) {
        refuse('must be an action message kind');
      }
      return;
  }
}
