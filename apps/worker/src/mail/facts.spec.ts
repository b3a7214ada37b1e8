import { renderMessage } from './catalogue';
import {
  isActionLink,
  isReference,
  isServiceLink,
  MessageFactsError,
  type DigestItem,
  type SchemaFor,
} from './facts';

const facts = {
  reference: 'ACT-2026-000042',
  dueAt: new Date('2026-12-01T17:30:00Z'),
  link: 'https://safeguarding.example/actions/5d1f0c2a-7b1e-4c1a-9f3e-2b8d6a4c0e11',
};
const TOKEN = `${'A'.repeat(75)}.${'b'.repeat(43)}`;
const dueFacts = { ...facts, completeLink: `https://safeguarding.example/links/${TOKEN}` };
const acknowledgeLink = `https://safeguarding.example/links/${TOKEN}`;
const disagreement = {
  reference: 'DIS-2026-000007',
  stage: 3,
  link: 'https://safeguarding.example/disagreements/0b6c3f1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d',
};
const runningStage = { ...disagreement, dueAt: facts.dueAt };

describe('message facts', () => {
  it('accepts references of the ACT-YYYY-NNNNNN family only', () => {
    for (const ok of ['ACT-2026-000042', 'ENQ-2027-1234567', 'DS-2026-000001']) {
      expect(isReference(ok)).toBe(true);
    }
    for (const bad of [
      'act-2026-000042',
      'ACT-26-000042',
      'ACT-2026-42',
      ' ACT-2026-000042',
      'ACT-2026-000042\n',
      'ACT-2026-000042 Margaret',
      'Margaret Hollingsworth',
      '',
      42,
    ]) {
      expect(isReference(bad)).toBe(false);
    }
  });

  it('accepts links into the service: http(s), lower-case ids and route words, or a reference', () => {
    for (const ok of [
      facts.link,
      'http://localhost:3000/actions/5d1f',
      'http://127.0.0.1:41234/actions/5d1f/',
      'https://safeguarding.example',
      'https://safeguarding.example/actions?due=today&view=mine',
      'https://safeguarding.example/actions/ACT-2026-000042',
    ]) {
      expect(isServiceLink(ok)).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      'mailto:someone@example.org',
      'ftp://safeguarding.example/actions/5d1f',
      '//safeguarding.example/actions/5d1f',
      'https://safeguarding.example/actions/5d1f"><script>alert(1)</script>',
      "https://safeguarding.example/actions/5d1f' onmouseover='x",
      'https://safeguarding.example/actions/5d1f#section',
      'https://user:pass@safeguarding.example/actions/5d1f',
      'https://safeguarding.example/actions/Some%20Body',
      'https://safeguarding.example/actions/Some Body',
      'https://safeguarding.example/actions?q=Some+Body',
      'https://safeguarding.example/people/1941-03-12',
      'https://safeguarding.example/actions\n/5d1f',
      `https://safeguarding.example/${'a'.repeat(2048)}`,
    ]) {
      expect(isServiceLink(bad)).toBe(false);
    }
  });

  it('accepts action links: a service link, /links/ and a token of the signed shape only', () => {
    for (const ok of [dueFacts.completeLink, `http://127.0.0.1:41234/links/${TOKEN}`]) {
      expect(isActionLink(ok)).toBe(true);
    }
    for (const bad of [
      facts.link,
      `https://safeguarding.example/links/${TOKEN}x`,
      `https://safeguarding.example/links/${TOKEN}?who=some.body`,
      `https://safeguarding.example/links/${TOKEN.replace('.', '~')}`,
      `https://safeguarding.example/Some-Body/links/${TOKEN}`,
      `https://safeguarding.example/links/`,
      `/links/${TOKEN}`,
      `javascript:alert(1)//links/${TOKEN}`,
      42,
    ]) {
      expect(isActionLink(bad)).toBe(false);
    }
  });

  it('rejects a link carrying markup before anything is rendered', () => {
    expect(() =>
      renderMessage('action.due', {
        ...dueFacts,
        link: 'https://safeguarding.example/actions/5d1f"><script>alert(1)</script>',
      }),
    ).toThrow(new MessageFactsError('action.due.link: must be an http(s) link into the service'));
  });

  it('refuses invalid or implausible instants (a date of birth is not a due date)', () => {
    for (const dueAt of [new Date('nonsense'), new Date('1941-03-12'), '2026-12-01'] as Date[]) {
      expect(() => renderMessage('action.due', { ...dueFacts, dueAt })).toThrow(
        'action.due.dueAt: must be a valid date between 2000 and 2099',
      );
    }
  });

  it('refuses facts the kind does not declare, and missing ones', () => {
    const extra = { ...dueFacts, adultName: 'x' };
    expect(() => renderMessage('action.due', extra)).toThrow(
      'action.due.adultName: not a fact this message takes',
    );
    const { link: _link, ...missing } = dueFacts;
    expect(() => renderMessage('action.due', missing as typeof dueFacts)).toThrow(
      'action.due.link',
    );
    expect(() => renderMessage('action.overdue', dueFacts)).toThrow(
      'action.overdue.completeLink: not a fact this message takes',
    );
    expect(() =>
      renderMessage('action.reminder', { ...facts } as typeof dueFacts & {
        acknowledgeLink: string;
      }),
    ).toThrow('action.reminder.acknowledgeLink: must be a signed action link into the service');
    expect(() =>
      renderMessage('digest.daily', {
        link: facts.link,
        items: [{ ...facts, kind: 'digest.daily' as 'action.due' }],
      }),
    ).toThrow('digest.daily.items[0].kind: must be an action message kind');
  });

  it('takes a complete link on "due" when there is one (none for an enquiry deadline)', () => {
    expect(() => renderMessage('action.due', dueFacts)).not.toThrow();
    expect(() => renderMessage('action.due', facts)).not.toThrow();
    expect(() => renderMessage('action.due', { ...facts, completeLink: undefined })).not.toThrow();
    for (const bad of [facts.link, `${dueFacts.completeLink}?who=some.body`, '']) {
      expect(() => renderMessage('action.due', { ...facts, completeLink: bad })).toThrow(
        new MessageFactsError(
          'action.due.completeLink: must be a signed action link into the service, or left out',
        ),
      );
    }
  });

  it('takes an acknowledge link on "due soon" always, and on "assigned" when there is one', () => {
    expect(() => renderMessage('action.reminder', { ...facts, acknowledgeLink })).not.toThrow();
    expect(() => renderMessage('action.assigned', { ...facts, acknowledgeLink })).not.toThrow();
    expect(() => renderMessage('action.assigned', facts)).not.toThrow();
    expect(() =>
      renderMessage('action.assigned', { ...facts, acknowledgeLink: undefined }),
    ).not.toThrow();
    for (const bad of [facts.link, `${acknowledgeLink}?who=some.body`, '']) {
      expect(() => renderMessage('action.assigned', { ...facts, acknowledgeLink: bad })).toThrow(
        new MessageFactsError(
          'action.assigned.acknowledgeLink: must be a signed action link into the service, or left out',
        ),
      );
    }
  });

  it('takes a disagreement stage from 1 to 4, as a whole number only', () => {
    for (const stage of [1, 2, 3, 4]) {
      expect(() =>
        renderMessage('disagreement.resolved', { ...disagreement, stage }),
      ).not.toThrow();
    }
    for (const stage of [0, 5, 2.5, -1, Number.NaN, 19410312, '2', null] as number[]) {
      expect(() => renderMessage('disagreement.escalated', { ...runningStage, stage })).toThrow(
        new MessageFactsError('disagreement.escalated.stage: must be a stage number from 1 to 4'),
      );
    }
  });

  it('gives a disagreement due date while a stage runs, and none once it is over', () => {
    const { dueAt: _dueAt, ...undated } = runningStage;
    for (const kind of [
      'disagreement.stage-started',
      'disagreement.reminder',
      'disagreement.escalated',
      'disagreement.overdue',
    ] as const) {
      expect(() => renderMessage(kind, runningStage)).not.toThrow();
      expect(() => renderMessage(kind, undated as typeof runningStage)).toThrow(
        `${kind}.dueAt: must be a valid date between 2000 and 2099`,
      );
    }
    for (const kind of ['disagreement.resolved', 'disagreement.withdrawn'] as const) {
      expect(() => renderMessage(kind, runningStage)).toThrow(
        `${kind}.dueAt: not a fact this message takes`,
      );
    }
  });

  it('refuses what a disagreement is about: its case, its words, the people in it', () => {
    for (const [field, value] of [
      ['caseReference', 'ASC/2026/04417'],
      ['subject', 'Threshold for a Section 42 enquiry'],
      ['concern', 'The GP will not refer her to the memory clinic'],
      ['otherPerson', 'Alan Whitcombe'],
      ['themes', ['risk-assessment']],
    ] as const) {
      expect(() =>
        renderMessage('disagreement.stage-started', { ...runningStage, [field]: value }),
      ).toThrow(
        new MessageFactsError(`disagreement.stage-started.${field}: not a fact this message takes`),
      );
    }
    expect(() =>
      renderMessage('disagreement.withdrawn', { ...disagreement, reference: 'ASC/2026/04417' }),
    ).toThrow('disagreement.withdrawn.reference: must be a reference');
  });

  it('makes a name or free text impossible to pass at compile time', () => {
    // Checked by `tsc -p tsconfig.spec.json`: each line below must be a type error.
    // @ts-expect-error an undeclared field is an excess property
    const extra = () => renderMessage('action.due', { ...dueFacts, adultName: 'Some Body' });
    // @ts-expect-error dueAt is a Date, not text
    const text = () => renderMessage('action.overdue', { ...facts, dueAt: '12/03/1941' });
    // @ts-expect-error a digest item's title comes from its kind; there is no free title
    const title: DigestItem[] = [{ ...facts, kind: 'action.due', title: 'x' }];
    // @ts-expect-error a string fact not called reference or link has no valid schema
    const note: SchemaFor<{ note: string }> = { note: 'reference' };
    // @ts-expect-error only an action link may be left out, and only as an optional one
    const optional: SchemaFor<{ note?: string }> = { note: 'optionalActionLink' };
    // @ts-expect-error the "due soon" reminder always carries its acknowledge link
    const unlinked = () => renderMessage('action.reminder', facts);
    // @ts-expect-error a disagreement message takes no words about what is disagreed
    const subject = () => renderMessage('disagreement.resolved', { ...disagreement, subject: 'x' });
    // @ts-expect-error a stage is a number, not a label that could carry a name
    const label = () => renderMessage('disagreement.resolved', { ...disagreement, stage: 'x' });
    // @ts-expect-error a number called stage must be declared a stage, not a count
    const stage: SchemaFor<{ stage: number }> = { stage: 'count' };
    // @ts-expect-error a running stage always says when it is due
    const undated = () => renderMessage('disagreement.stage-started', disagreement);
    expect([
      extra,
      text,
      title,
      note,
      optional,
      unlinked,
      subject,
      label,
      stage,
      undated,
    ]).toHaveLength(10);
  });
});
