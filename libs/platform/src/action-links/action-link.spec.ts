import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import {
  ACTION_LINK_TOKEN,
  ACTION_LINK_VERBS,
  signActionLink,
  verifyActionLink,
  type ActionLink,
} from './action-link';

const secret = randomBytes(32);
const link: ActionLink = {
  linkId: randomUUID(),
  actionId: randomUUID(),
  recipientId: randomUUID(),
  verb: 'complete',
  expiresAt: new Date('2026-12-08T17:30:00.123Z'),
};
const before = new Date('2026-12-01T17:30:00Z');

/** Re-signs a payload as the holder of `key` would. */
const signedWith = (body: string, key: Uint8Array) =>
  `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;

describe('action link tokens', () => {
  it('round-trip: a token verifies to exactly the link it was signed from', () => {
    const token = signActionLink(link, secret);
    expect(token).toMatch(ACTION_LINK_TOKEN);
    expect(verifyActionLink(token, before, secret)).toEqual({ ok: true, link });
  });

  it('hold ids only, in lower case whatever case they were given in', () => {
    const upper = { ...link, actionId: link.actionId.toUpperCase() };
    const token = signActionLink(upper, secret);
    expect(verifyActionLink(token, before, secret)).toEqual({ ok: true, link });
    expect(Buffer.from(token.split('.')[0], 'base64url')).toHaveLength(56);
  });

  it('carry each verb as its fixed position, so links already sent keep their meaning', () => {
    // Append only: moving a verb would turn every link in someone's inbox into another verb.
    expect(ACTION_LINK_VERBS).toEqual(['complete', 'acknowledge']);
    ACTION_LINK_VERBS.forEach((verb, index) => {
      const token = signActionLink({ ...link, verb }, secret);
      expect(Buffer.from(token.split('.')[0], 'base64url')[49]).toBe(index);
      expect(verifyActionLink(token, before, secret)).toEqual({
        ok: true,
        link: { ...link, verb },
      });
    });
  });

  it('refuse a tampered payload, even one re-encoded to the same length', () => {
    const [body, mac] = signActionLink(link, secret).split('.');
    const other = signActionLink({ ...link, recipientId: randomUUID() }, secret).split('.')[0];
    const flipped = `${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}`;
    for (const tampered of [`${other}.${mac}`, `${flipped}.${mac}`]) {
      expect(verifyActionLink(tampered, before, secret)).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
    }
  });

  it('refuse a tampered signature, including another spelling of the same bytes', () => {
    const [body, mac] = signActionLink(link, secret).split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // The last of 43 characters carries 2 unused bits: flipping one decodes to the same bytes.
    const respelt = `${mac.slice(0, -1)}${alphabet[alphabet.indexOf(mac.at(-1) as string) ^ 1]}`;
    expect(Buffer.from(respelt, 'base64url').equals(Buffer.from(mac, 'base64url'))).toBe(true);
    for (const tampered of [`${body}.${respelt}`, `${body}.${'A'.repeat(43)}`]) {
      expect(verifyActionLink(tampered, before, secret)).toMatchObject({
        ok: false,
        reason: 'bad-signature',
      });
    }
  });

  it('refuse a token signed with another secret', () => {
    const token = signActionLink(link, randomBytes(32));
    expect(verifyActionLink(token, before, secret)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('expire at the instant of expiry, not a millisecond later', () => {
    const token = signActionLink(link, secret);
    const at = (ms: number) =>
      verifyActionLink(token, new Date(link.expiresAt.getTime() + ms), secret);
    expect(at(-1)).toEqual({ ok: true, link });
    // The signature was good, so the link comes back for the attempt to be recorded against it.
    expect(at(0)).toEqual({ ok: false, reason: 'expired', link });
    expect(at(86_400_000)).toEqual({ ok: false, reason: 'expired', link });
  });

  it('refuse anything not shaped like a token, before any cryptography', () => {
    const token = signActionLink(link, secret);
    for (const malformed of [
      '',
      'not-a-token',
      token.replace('.', ''),
      `${token}.x`,
      `${token}=`,
      `${token.slice(1)}`,
      `${token.slice(0, 75)}.${token.slice(76)}A`,
      token.replace(/^./, '+'),
      `${token}\n`,
    ]) {
      expect(verifyActionLink(malformed, before, secret)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('refuse a correctly signed payload of an unknown format or verb', () => {
    const payload = Buffer.from(signActionLink(link, secret).split('.')[0], 'base64url');
    for (const [offset, value] of [
      [0, 2],
      [49, 7],
    ]) {
      const changed = Buffer.from(payload);
      changed[offset] = value;
      const token = signedWith(changed.toString('base64url'), secret);
      expect(verifyActionLink(token, before, secret)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('are never signed from something that is not a link', () => {
    expect(() => signActionLink({ ...link, actionId: 'ACT-2026-000042' }, secret)).toThrow(
      'action link ids must be UUIDs',
    );
    expect(() => signActionLink({ ...link, verb: 'delete' as 'complete' }, secret)).toThrow(
      'not an action link verb',
    );
    expect(() => signActionLink({ ...link, expiresAt: new Date('nonsense') }, secret)).toThrow(
      'an action link needs a valid expiry',
    );
    expect(() => signActionLink(link, randomBytes(16))).toThrow('at least 32 bytes');
  });
});
