import { renderMessage } from './catalogue';

const ACKNOWLEDGE_LINK = `https://safeguarding.example/links/${'A'.repeat(75)}.${'b'.repeat(43)}`;
const facts = {
  reference: 'ACT-2026-000042',
  dueAt: new Date('2026-12-01T17:30:00Z'),
  link: 'https://safeguarding.example/actions/5d1f',
};
const LINK_TEXT = 'Acknowledge ACT-2026-000042 in the safeguarding service';
const SINGLE_USE =
  'The link works once, for 7 days, without signing in, so please do not forward this email.';

const visibleText = (html: string) => html.replace(/<[^>]*>/g, '');

describe('emails that ask the owner to acknowledge an action', () => {
  describe.each(['action.reminder', 'action.assigned'] as const)('%s', (kind) => {
    const email = renderMessage(kind, { ...facts, acknowledgeLink: ACKNOWLEDGE_LINK });

    it('offers the acknowledge link, says it is single use and asks not to forward it', () => {
      expect(email.text).toContain(`Seen it? ${LINK_TEXT}:\n${ACKNOWLEDGE_LINK}\n`);
      expect(email.html).toContain(`Seen it? <a href="${ACKNOWLEDGE_LINK}"`);
      expect(email.html).toContain(`>${LINK_TEXT}</a>`);
      for (const body of [email.text, visibleText(email.html)]) {
        expect(body).toContain('You will be asked to confirm.');
        expect(body).toContain(SINGLE_USE);
      }
      expect(email.html).toContain('<a href="https://safeguarding.example/actions/5d1f"');
    });
  });

  it('sends "assigned to you" without the paragraph when there is no link to give', () => {
    const email = renderMessage('action.assigned', facts);
    for (const body of [email.text, email.html]) {
      expect(body).not.toContain('Seen it?');
      expect(body).not.toContain('/links/');
      expect(body).not.toContain('do not forward');
      expect(body).toContain('Please open it and acknowledge it in the safeguarding service.');
    }
    expect(email.text).not.toMatch(/\n{3,}/);
  });
});
