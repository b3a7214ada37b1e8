import { randomBytes, randomUUID } from 'node:crypto';
import { ACTION_LINK_LIFETIME_MS, verifyActionLink } from './action-link';
import { issueActionLink } from './action-link-url';

describe('issueActionLink', () => {
  const secret = randomBytes(32);
  const request = { actionId: randomUUID(), recipientId: randomUUID(), verb: 'complete' } as const;
  const now = new Date('2026-12-01T17:30:00Z');

  it('makes a /links/ URL whose token lives for seven days from now', () => {
    const url = issueActionLink('https://safeguarding.example', request, secret, now);
    const [base, token] = url.split('/links/');
    expect(base).toBe('https://safeguarding.example');
    const check = verifyActionLink(token, now, secret);
    expect(check).toEqual({
      ok: true,
      link: { ...request, linkId: expect.any(String), expiresAt: expect.any(Date) },
    });
    expect(check.ok && check.link.expiresAt.getTime() - now.getTime()).toBe(
      7 * 24 * 60 * 60 * 1000,
    );
    expect(ACTION_LINK_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });

  it('gives every link its own id, so each is used up on its own', () => {
    const ids = [1, 2].map(() => {
      const token = issueActionLink('https://x.example', request, secret, now).split('/links/')[1];
      const check = verifyActionLink(token, now, secret);
      return check.ok ? check.link.linkId : undefined;
    });
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
