import { renderMessage } from './catalogue';
import type { DisagreementMessageKind } from './facts';

const LINK = 'https://safeguarding.example/disagreements/0b6c3f1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d';
const disagreement = { reference: 'DIS-2026-000007', stage: 3, link: LINK };
const dueAt = new Date('2026-12-01T17:30:00Z');
const DUE = 'Tue 1 December 2026, 17:30';

/** The emails of the escalation protocol (practice primer §3), stage by stage. */
const MESSAGES: [DisagreementMessageKind, { subject: string; says: string[]; dated: boolean }][] = [
  [
    'disagreement.stage-started',
    {
      subject: 'Professional disagreement to acknowledge: DIS-2026-000007',
      says: [
        'A professional disagreement has reached stage 3 of the escalation protocol and you are taking part.',
        `Please open it, read what has been written and acknowledge it by ${DUE}.`,
      ],
      dated: true,
    },
  ],
  [
    'disagreement.reminder',
    {
      subject: 'Professional disagreement awaiting your acknowledgement: DIS-2026-000007',
      says: [
        'You are taking part in stage 3 of a professional disagreement and have not yet acknowledged it.',
        `Please open it and acknowledge it by ${DUE}.`,
      ],
      dated: true,
    },
  ],
  [
    'disagreement.escalated',
    {
      subject: 'Professional disagreement escalated: DIS-2026-000007',
      says: [
        'A professional disagreement you are involved in has moved up to stage 3 of the escalation protocol.',
        `The people taking part at that stage have been asked to respond by ${DUE}.`,
      ],
      dated: true,
    },
  ],
  [
    'disagreement.overdue',
    {
      subject: 'Professional disagreement past its timescale: DIS-2026-000007',
      says: [
        'Stage 3 of a professional disagreement you are taking part in has passed its timescale without being resolved.',
        'Please open it and agree the next steps.',
      ],
      dated: true,
    },
  ],
  [
    'disagreement.resolved',
    {
      subject: 'Professional disagreement resolved: DIS-2026-000007',
      says: [
        'A professional disagreement you are involved in has been resolved at stage 3.',
        'The outcome and any actions agreed are recorded in the safeguarding service.',
      ],
      dated: false,
    },
  ],
  [
    'disagreement.withdrawn',
    {
      subject: 'Professional disagreement withdrawn: DIS-2026-000007',
      says: [
        'A professional disagreement you are involved in has been withdrawn at stage 3.',
        'You do not need to do anything more.',
        'The reason is recorded in the safeguarding service.',
      ],
      dated: false,
    },
  ],
];

describe.each(MESSAGES)('%s email', (kind, expected) => {
  const email = renderMessage(
    kind,
    (expected.dated ? { ...disagreement, dueAt } : disagreement) as {
      dueAt: Date;
    } & typeof disagreement,
  );

  it('keeps identifiers out of the subject: a neutral title and the reference only', () => {
    expect(email.subject).toBe(expected.subject);
  });

  it('says what happened and what to do, with the reference, the stage and the link', () => {
    for (const body of [email.text, email.html]) {
      for (const sentence of expected.says) expect(body).toContain(sentence);
      expect(body).toContain('DIS-2026-000007');
      expect(body).toContain(LINK);
    }
    expect(email.text).toContain('Reference: DIS-2026-000007\nStage: 3 of 4\n');
    expect(email.text).toContain(
      `Open disagreement DIS-2026-000007 in the safeguarding service:\n${LINK}`,
    );
    expect(email.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(email.text).not.toMatch(/\n{3,}/);
  });

  it(
    expected.dated
      ? 'says when the stage is due, in UK time'
      : 'gives no due date: no stage runs any more',
    () => {
      if (expected.dated) {
        expect(email.text).toContain(`Stage due: ${DUE}`);
        expect(email.html).toContain(`<time datetime="${dueAt.toISOString()}">${DUE}</time>`);
      } else {
        for (const body of [email.text, email.html]) expect(body).not.toContain('Stage due');
        expect(email.html).not.toContain('<time');
      }
    },
  );

  it('offers no link that acts without signing in', () => {
    for (const body of [email.text, email.html]) expect(body).not.toContain('/links/');
  });
});
