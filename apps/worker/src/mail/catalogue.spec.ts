import { MESSAGE_CATALOGUE, MESSAGE_KINDS, renderMessage } from './catalogue';
import type { MessageFacts, MessageKind } from './facts';
import { FOOTER } from './templates/layout';

const LINK = 'https://safeguarding.example/actions/5d1f0c2a-7b1e-4c1a-9f3e-2b8d6a4c0e11';
/** Shaped like a signed action link; what it signs is libs/platform's concern. */
const COMPLETE_LINK = `https://safeguarding.example/links/${'A'.repeat(75)}.${'b'.repeat(43)}`;
const ACKNOWLEDGE_LINK = `https://safeguarding.example/links/${'C'.repeat(75)}.${'d'.repeat(43)}`;
const action = {
  reference: 'ACT-2026-000042',
  dueAt: new Date('2026-12-01T17:30:00Z'),
  link: LINK,
};
const DISAGREEMENT_LINK =
  'https://safeguarding.example/disagreements/0b6c3f1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d';
const disagreement = { reference: 'DIS-2026-000007', stage: 2, link: DISAGREEMENT_LINK };

interface Example<K extends MessageKind> {
  facts: MessageFacts[K];
  /** What follows "<title>: " in the subject. */
  subject: string;
  /** Every due date, reference and link the message must show. */
  dues: string[];
  references: string[];
  links: string[];
}

/** One worked example per kind: a new kind does not compile until it has one. */
const EXAMPLES: { [K in MessageKind]: Example<K> } = {
  'action.due': {
    ...actionExample(),
    facts: { ...action, completeLink: COMPLETE_LINK },
    links: [LINK, COMPLETE_LINK],
  },
  'action.reminder': {
    ...actionExample(),
    facts: { ...action, acknowledgeLink: ACKNOWLEDGE_LINK },
    links: [LINK, ACKNOWLEDGE_LINK],
  },
  'action.overdue': actionExample(),
  'action.escalated': actionExample(),
  'action.unescalated': actionExample(),
  'action.owner-unreachable': actionExample(),
  'action.assigned': {
    ...actionExample(),
    facts: { ...action, acknowledgeLink: ACKNOWLEDGE_LINK },
    links: [LINK, ACKNOWLEDGE_LINK],
  },
  'action.extension-requested': actionExample(),
  'action.extension-approved': actionExample(),
  'action.extension-refused': actionExample(),
  'action.cancelled': actionExample(),
  'disagreement.stage-started': disagreementExample(),
  'disagreement.reminder': disagreementExample(),
  'disagreement.escalated': disagreementExample(),
  'disagreement.overdue': disagreementExample(),
  'disagreement.resolved': { ...disagreementExample(), facts: disagreement, dues: [] },
  'disagreement.withdrawn': { ...disagreementExample(), facts: disagreement, dues: [] },
  'digest.daily': {
    facts: {
      link: 'https://safeguarding.example/actions',
      items: [
        { kind: 'action.overdue', ...action },
        {
          kind: 'action.reminder',
          reference: 'ACT-2026-000043',
          dueAt: new Date('2026-06-15T08:00:00Z'),
          link: 'https://safeguarding.example/actions/77aa',
        },
      ],
    },
    subject: '2 actions',
    dues: ['Tue 1 December 2026, 17:30', 'Mon 15 June 2026, 09:00'],
    references: ['ACT-2026-000042', 'ACT-2026-000043'],
    links: [
      'https://safeguarding.example/actions',
      LINK,
      'https://safeguarding.example/actions/77aa',
    ],
  },
};

function actionExample() {
  return {
    facts: action,
    subject: action.reference,
    dues: ['Tue 1 December 2026, 17:30'],
    references: [action.reference],
    links: [LINK],
  };
}

function disagreementExample() {
  return {
    facts: { ...disagreement, dueAt: new Date('2026-12-01T17:30:00Z') },
    subject: disagreement.reference,
    dues: ['Tue 1 December 2026, 17:30'],
    references: [disagreement.reference],
    links: [DISAGREEMENT_LINK],
  };
}

const visibleText = (html: string) => html.replace(/<[^>]*>/g, '');

describe('message catalogue', () => {
  it('covers the kinds the chasers, escalation, reassignment, extensions, cancellation, disagreements and digest need, with neutral titles', () => {
    expect(
      Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, MESSAGE_CATALOGUE[kind].title])),
    ).toEqual({
      'action.due': 'Action due',
      'action.reminder': 'Action due soon',
      'action.overdue': 'Action overdue',
      'action.escalated': 'Overdue action escalated to you',
      'action.unescalated': 'Nobody to escalate an overdue action to',
      'action.owner-unreachable': 'Action due, owner unreachable',
      'action.assigned': 'Action assigned to you',
      'action.extension-requested': 'Extension requested',
      'action.extension-approved': 'Extension approved',
      'action.extension-refused': 'Extension refused',
      'action.cancelled': 'Action cancelled',
      'disagreement.stage-started': 'Professional disagreement to acknowledge',
      'disagreement.reminder': 'Professional disagreement awaiting your acknowledgement',
      'disagreement.escalated': 'Professional disagreement escalated',
      'disagreement.overdue': 'Professional disagreement past its timescale',
      'disagreement.resolved': 'Professional disagreement resolved',
      'disagreement.withdrawn': 'Professional disagreement withdrawn',
      'digest.daily': 'Your safeguarding actions today',
    });
  });

  describe.each(MESSAGE_KINDS)('%s', (kind) => {
    const example = EXAMPLES[kind] as Example<MessageKind>;
    const { title } = MESSAGE_CATALOGUE[kind];
    const email = renderMessage(kind, example.facts);

    it('has a subject of the neutral title and the reference (or count) only', () => {
      expect(email.subject).toBe(`${title}: ${example.subject}`);
    });

    it('shows the title, references, due dates in UK format and links in text and HTML', () => {
      for (const body of [email.text, visibleText(email.html)]) {
        expect(body).toContain(title);
        for (const expected of [...example.references, ...example.dues]) {
          expect(body).toContain(expected);
        }
      }
      for (const link of example.links) {
        expect(email.text).toContain(link);
        expect(email.html).toContain(`<a href="${link}"`);
      }
    });

    it('is accessible HTML: English, one heading, descriptive links, no images or tracking', () => {
      expect(email.html).toMatch(/^<!doctype html><html lang="en">/);
      expect(email.html.match(/<h1[^>]*>/g)).toHaveLength(1);
      expect(email.html).toMatch(new RegExp(`<h1[^>]*>${title}</h1>`));
      expect(email.html).toContain(`<title>${title}</title>`);
      const linkTexts = [...email.html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
      expect(linkTexts.length).toBe(example.links.length);
      for (const text of linkTexts) {
        expect(text).toMatch(/in the safeguarding service$/);
        expect(text).not.toMatch(/click|^here$|^link$/i);
      }
      expect(new Set(linkTexts).size).toBe(linkTexts.length);
      expect(email.html).not.toMatch(/<img|<script|<iframe|<link |<style|\ssrc=|url\(/i);
      expect(visibleText(email.html)).toContain(FOOTER);
    });

    it('has a plain-text part with no markup and the same footer', () => {
      expect(email.text).not.toMatch(/<[a-z!/]/i);
      expect(email.text).toContain(FOOTER);
      expect(email.text.startsWith(`${title}\n\n`)).toBe(true);
    });
  });

  it('lists digest items by due date, each titled by its kind', () => {
    const { text } = renderMessage('digest.daily', EXAMPLES['digest.daily'].facts);
    expect(text.indexOf('Action due soon: ACT-2026-000043')).toBeGreaterThan(-1);
    expect(text.indexOf('Action due soon: ACT-2026-000043')).toBeLessThan(
      text.indexOf('Action overdue: ACT-2026-000042'),
    );
  });

  it('lists items of the kinds whose own emails carry action links, with no action link', () => {
    const kinds = ['action.due', 'action.reminder', 'action.assigned'] as const;
    const { text, html } = renderMessage('digest.daily', {
      link: 'https://safeguarding.example/actions',
      items: kinds.map((kind) => ({ kind, ...action })),
    });
    for (const title of ['Action due', 'Action due soon', 'Action assigned to you']) {
      expect(text).toContain(`${title}: ACT-2026-000042`);
    }
    for (const body of [text, html]) expect(body).not.toContain('/links/');
  });

  it('renders a digest of one action and of none', () => {
    const link = 'https://safeguarding.example/actions';
    const one = renderMessage('digest.daily', { link, items: [{ kind: 'action.due', ...action }] });
    expect(one.subject).toBe('Your safeguarding actions today: 1 action');
    expect(one.text).toContain('1 action needs your attention today.');
    const none = renderMessage('digest.daily', { link, items: [] });
    expect(none.subject).toBe('Your safeguarding actions today: no actions');
    expect(none.html).not.toContain('<ul');
    expect(none.text).toContain('No actions need your attention today.');
  });

  it('shows the due date in UK local time, across the clock change', () => {
    const summer = renderMessage('action.overdue', {
      ...action,
      dueAt: new Date('2026-07-01T16:30:00Z'),
    });
    expect(summer.text).toContain('Due: Wed 1 July 2026, 17:30');
    expect(summer.html).toContain(
      '<time datetime="2026-07-01T16:30:00.000Z">Wed 1 July 2026, 17:30</time>',
    );
  });
});
