import { renderMessage } from './catalogue';

const COMPLETE_LINK = `https://safeguarding.example/links/${'A'.repeat(75)}.${'b'.repeat(43)}`;

describe('action reminder email', () => {
  const email = renderMessage('action.due', {
    reference: 'ACT-2026-000042',
    dueAt: new Date('2026-12-01T17:30:00Z'),
    link: 'https://safeguarding.example/actions/5d1f',
    completeLink: COMPLETE_LINK,
  });

  it('keeps identifiers out of the subject: a neutral title and the reference only', () => {
    expect(email.subject).toBe('Action due: ACT-2026-000042');
  });

  it('gives the reference, the due date in UK format and both links, as text and HTML', () => {
    for (const body of [email.text, email.html]) {
      expect(body).toContain('ACT-2026-000042');
      expect(body).toContain('Tue 1 December 2026, 17:30');
      expect(body).toContain('https://safeguarding.example/actions/5d1f');
      expect(body).toContain(COMPLETE_LINK);
      expect(body).toContain('works once, for 7 days');
    }
    expect(email.html).toMatch(/^<!doctype html><html lang="en">/);
  });

  it('offers no complete link when there is none to give (an enquiry deadline)', () => {
    const unlinked = renderMessage('action.due', {
      reference: 'ACT-2026-000042',
      dueAt: new Date('2026-12-01T17:30:00Z'),
      link: 'https://safeguarding.example/actions/5d1f',
    });
    for (const body of [unlinked.text, unlinked.html]) {
      expect(body).toContain('An action assigned to you has reached its due date.');
      expect(body).toContain('https://safeguarding.example/actions/5d1f');
      expect(body).not.toContain('Already done?');
      expect(body).not.toContain('/links/');
      expect(body).not.toContain('do not forward');
    }
    expect(unlinked.text).not.toMatch(/\n{3,}/);
  });
});
