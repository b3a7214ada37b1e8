import { renderMessage } from './catalogue';
import type { ActionMessageKind } from './facts';

const facts = {
  reference: 'ACT-2026-000042',
  dueAt: new Date('2026-12-01T17:30:00Z'),
  link: 'https://safeguarding.example/actions/5d1f',
};
const COMPLETE_LINK = `https://safeguarding.example/links/${'A'.repeat(75)}.${'b'.repeat(43)}`;

/** The emails sent when an action changes hands, asks for or gets more time, or is cancelled. */
const CHANGES: [ActionMessageKind, { subject: string; says: string[] }][] = [
  [
    'action.assigned',
    {
      subject: 'Action assigned to you: ACT-2026-000042',
      says: [
        'An action has been assigned to you.',
        'It was reassigned from its previous owner and its due date has not changed.',
        'Please open it and acknowledge it in the safeguarding service.',
      ],
    },
  ],
  [
    'action.extension-requested',
    {
      subject: 'Extension requested: ACT-2026-000042',
      says: [
        'The owner of this action has asked for more time to complete it.',
        'As the meeting chair or safeguarding lead, please open the action to approve the request with a new due date, or to refuse it.',
        'The current due date is shown below.',
      ],
    },
  ],
  [
    'action.extension-approved',
    {
      subject: 'Extension approved: ACT-2026-000042',
      says: [
        'Your request for more time to complete this action has been approved.',
        'The new due date is shown below.',
      ],
    },
  ],
  [
    'action.extension-refused',
    {
      subject: 'Extension refused: ACT-2026-000042',
      says: [
        'Your request for more time to complete this action has been refused.',
        'The due date has not changed.',
      ],
    },
  ],
  [
    'action.cancelled',
    {
      subject: 'Action cancelled: ACT-2026-000042',
      says: [
        'An action assigned to you has been cancelled.',
        'You do not need to do anything more.',
        'The reason for cancelling it is recorded in the safeguarding service.',
      ],
    },
  ],
];

describe.each(CHANGES)('%s email', (kind, expected) => {
  const email = renderMessage(kind, facts);

  it('keeps identifiers out of the subject: a neutral title and the reference only', () => {
    expect(email.subject).toBe(expected.subject);
  });

  it('says what happened and what to do, with the reference, due date and link', () => {
    for (const body of [email.text, email.html]) {
      for (const sentence of expected.says) expect(body).toContain(sentence);
      expect(body).toContain('ACT-2026-000042');
      expect(body).toContain('Tue 1 December 2026, 17:30');
      expect(body).toContain('https://safeguarding.example/actions/5d1f');
    }
    expect(email.text).toContain('Due: Tue 1 December 2026, 17:30');
    expect(email.html).toMatch(/^<!doctype html><html lang="en">/);
  });

  it('offers no link that acts without signing in', () => {
    expect(email.text).not.toContain('/links/');
    expect(() => renderMessage(kind, { ...facts, completeLink: COMPLETE_LINK } as never)).toThrow(
      `${kind}.completeLink: not a fact this message takes`,
    );
  });
});

it('shows the new due date of an approved extension', () => {
  const email = renderMessage('action.extension-approved', {
    ...facts,
    dueAt: new Date('2027-01-15T17:00:00Z'),
  });
  expect(email.text).toContain('Due: Fri 15 January 2027, 17:00');
  expect(email.html).toContain(
    '<time datetime="2027-01-15T17:00:00.000Z">Fri 15 January 2027, 17:00</time>',
  );
});

it('titles a digest item by its kind, the new kinds included', () => {
  const { text } = renderMessage('digest.daily', {
    link: 'https://safeguarding.example/actions',
    items: [
      { kind: 'action.extension-requested', ...facts },
      { kind: 'action.assigned', ...facts, reference: 'ACT-2026-000043' },
    ],
  });
  expect(text).toContain('- Extension requested: ACT-2026-000042');
  expect(text).toContain('- Action assigned to you: ACT-2026-000043');
});
