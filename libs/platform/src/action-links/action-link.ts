import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What an action link lets its recipient do without signing in. The token carries a verb's
 * position in this list, so verbs are only ever appended (next: 'request-extension').
 */
export const ACTION_LINK_VERBS = ['complete', 'acknowledge'] as const;
export type ActionLinkVerb = (typeof ACTION_LINK_VERBS)[number];

/**
 * Seven days: a partner-agency worker who reads a shared or part-time inbox still finds the link
 * working after a few days away, while a forwarded or leaked email stops acting for its recipient
 * within a week. After that the service itself, with sign-in, is the way in.
 */
export const ACTION_LINK_LIFETIME_DAYS = 7;
export const ACTION_LINK_LIFETIME_MS = ACTION_LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

/** HMAC-SHA256 keys shorter than its block of output would weaken it. */
export const ACTION_LINK_SECRET_MIN_BYTES = 32;

/**
 * One link: ids, a verb and an instant. Tokens end up in mail logs and browser histories, so by
 * construction (a fixed binary layout, below) they can carry nothing else.
 */
export interface ActionLink {
  /** Unique per link: what single use is claimed against. */
  linkId: string;
  actionId: string;
  /** The person the link was sent to, who acts through it. */
  recipientId: string;
  verb: ActionLinkVerb;
  expiresAt: Date;
}

export type ActionLinkRefusal = 'malformed' | 'bad-signature' | 'expired';

/** An expired link's signature was good, so its ids can be trusted (to record the attempt). */
export type ActionLinkCheck =
  | { ok: true; link: ActionLink }
  | { ok: false; reason: 'malformed' | 'bad-signature' }
  | { ok: false; reason: 'expired'; link: ActionLink };

/**
 * Payload layout: format (1 byte) · linkId · actionId · recipientId (16 bytes each) · verb index
 * (1) · expiresAt in epoch milliseconds (6, big-endian).
 */
const FORMAT = 1;
const UUID_BYTES = 16;
const VERB_AT = 1 + 3 * UUID_BYTES;
const EXPIRES_AT = VERB_AT + 1;
const PAYLOAD_BYTES = EXPIRES_AT + 6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** base64url of the 56-byte payload, a dot, base64url of the 32-byte HMAC: 119 characters. */
export const ACTION_LINK_TOKEN = /^[A-Za-z0-9_-]{75}\.[A-Za-z0-9_-]{43}$/;

/** The compact token for a link: `base64url(payload).base64url(HMAC-SHA256(secret, base64url(payload)))`. */
export function signActionLink(link: ActionLink, secret: Uint8Array): string {
  const body = encodePayload(link).toString('base64url');
  return `${body}.${signature(body, secret)}`;
}

/**
 * The link a token stands for, if it was signed with `secret` and has not expired at `now`. The
 * signature is checked, in constant time, before anything in the payload is read.
 */
export function verifyActionLink(token: string, now: Date, secret: Uint8Array): ActionLinkCheck {
  if (!ACTION_LINK_TOKEN.test(token)) return { ok: false, reason: 'malformed' };
  const [body, given] = token.split('.');
  // Comparing the text (not decoded bytes) also refuses the other spellings of the same bytes.
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(signature(body, secret)))) {
    return { ok: false, reason: 'bad-signature' };
  }
  const link = decodePayload(Buffer.from(body, 'base64url'));
  if (!link) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= link.expiresAt.getTime()) return { ok: false, reason: 'expired', link };
  return { ok: true, link };
}

function signature(body: string, secret: Uint8Array): string {
  if (secret.length < ACTION_LINK_SECRET_MIN_BYTES) {
    throw new Error(`action link secrets must be at least ${ACTION_LINK_SECRET_MIN_BYTES} bytes`);
  }
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function encodePayload({ linkId, actionId, recipientId, verb, expiresAt }: ActionLink): Buffer {
  const verbIndex = ACTION_LINK_VERBS.indexOf(verb);
  const expires = expiresAt.getTime();
  if (verbIndex < 0) throw new Error('not an action link verb');
  if (!Number.isSafeInteger(expires) || expires < 0 || expires >= 2 ** 48) {
    throw new Error('an action link needs a valid expiry');
  }
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload[0] = FORMAT;
  [linkId, actionId, recipientId].forEach((id, index) => {
    if (!UUID.test(id)) throw new Error('action link ids must be UUIDs');
    Buffer.from(id.replace(/-/g, ''), 'hex').copy(payload, 1 + index * UUID_BYTES);
  });
  payload[VERB_AT] = verbIndex;
  payload.writeUIntBE(expires, EXPIRES_AT, 6);
  return payload;
}

/** Undefined for a payload of another format or an unknown verb. */
function decodePayload(payload: Buffer): ActionLink | undefined {
  if (payload.length !== PAYLOAD_BYTES || payload[0] !== FORMAT) return undefined;
  const verb = ACTION_LINK_VERBS[payload[VERB_AT]];
  if (!verb) return undefined;
  const [linkId, actionId, recipientId] = [0, 1, 2].map((index) =>
    uuidAt(payload, 1 + index * UUID_BYTES),
  );
  const expiresAt = new Date(payload.readUIntBE(EXPIRES_AT, 6));
  return { linkId, actionId, recipientId, verb, expiresAt };
}

function uuidAt(payload: Buffer, offset: number): string {
  const hex = payload.subarray(offset, offset + UUID_BYTES).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
