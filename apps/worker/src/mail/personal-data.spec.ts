import { issueActionLink } from '@safeguard/platform';
import { MESSAGE_CATALOGUE, MESSAGE_KINDS, renderMessage } from './catalogue';
import {
  ACTION_MESSAGE_KINDS,
  MessageFactsError,
  type FactsSchema,
  type FieldSpec,
  type MessageFacts,
  type MessageKind,
} from './facts';
import { compileEmailTemplate, type RenderedEmail } from './renderer';

/**
 * Practice primer §4: a message carries a reference, a neutral title, the due date and a link,
 * never anything about the adult, the allegation or the people involved (nor, for a professional
 * disagreement, what is disagreed, who disagrees or the case it concerns). This renders every kind
 * in the catalogue next to a realistic case record and fails if any of the record shows through.
 */

/** The case the messages are about, as the service holds it. None of it may reach a mailbox. */
const CASE = {
  id: '5d1f0c2a-7b1e-4c1a-9f3e-2b8d6a4c0e11',
  reference: 'ACT-2026-000042',
  dueAt: new Date('2026-12-01T17:30:00Z'),
  adult: {
    name: 'Margaret Hollingsworth',
    dateOfBirth: '12/03/1941',
    dateOfBirthIso: '1941-03-12',
    nhsNumber: '943 476 5919',
    address: '14 Orchard Close, Northshire NS1 4AB',
  },
  allegation:
    'Her son has been taking money from her pension and she has unexplained bruising on her arms.',
  practitioner: { name: 'Priya Raman', email: 'priya.raman@northshire.nhs.uk' },
  note: 'Neighbour says the son visits late at night; do not ring the landline.',
  disagreement: {
    caseReference: 'ASC/2026/04417',
    concern: 'The GP practice will not refer her to the memory clinic after two falls.',
    otherPractitioner: { name: 'Alan Whitcombe', email: 'alan.whitcombe@northshire-gp.nhs.uk' },
  },
};

/** What must never appear: every value above, and the parts of it that identify on their own. */
const NEEDLES = [
  CASE.adult.name,
  'Margaret',
  'Hollingsworth',
  CASE.adult.dateOfBirth,
  CASE.adult.dateOfBirthIso,
  '12 March 1941',
  CASE.adult.nhsNumber,
  '9434765919',
  CASE.adult.address,
  'Orchard Close',
  'NS1 4AB',
  CASE.allegation,
  'pension',
  'bruising',
  CASE.practitioner.name,
  'Raman',
  CASE.practitioner.email,
  'priya.raman',
  CASE.note,
  'Neighbour',
  'landline',
  CASE.disagreement.caseReference,
  '04417',
  CASE.disagreement.concern,
  'memory clinic',
  CASE.disagreement.otherPractitioner.name,
  'Whitcombe',
  CASE.disagreement.otherPractitioner.email,
];

/** Lower case, HTML entities and percent-encoding decoded, punctuation runs made one space. */
function normalise(value: string): string {
  const entities: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
  };
  const decoded = value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (entity, name: string) => entities[name.toLowerCase()] ?? entity)
    .replace(/(?:%[0-9a-f]{2})+/gi, (encoded) => {
      try {
        return decodeURIComponent(encoded);
      } catch {
        return encoded;
      }
    });
  return decoded
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .trim();
}

/** A real signed link to act on the case, as the worker makes them. */
const ACTION_LINK = issueActionLink(
  'https://safeguarding.example',
  { actionId: CASE.id, recipientId: CASE.id, verb: 'complete' },
  Buffer.alloc(32, 7),
  CASE.dueAt,
);
const [ACTION_LINK_BASE, TOKEN] = ACTION_LINK.split('/links/');

const NORMALISED_NEEDLES = NEEDLES.map((needle) => [needle, normalise(needle)] as const);

/** The seeded values found in `rendered`, however they were escaped, encoded or cased. */
function findPersonalData(rendered: string): string[] {
  const haystack = ` ${normalise(rendered)} `;
  return NORMALISED_NEEDLES.filter(([, needle]) => haystack.includes(needle)).map(([raw]) => raw);
}

function expectNoPersonalData(email: RenderedEmail) {
  expect({
    subject: findPersonalData(email.subject),
    text: findPersonalData(email.text),
    html: findPersonalData(email.html),
  }).toEqual({ subject: [], text: [], html: [] });
}

/** Facts for any kind, generated from its schema, so a new kind is covered without editing this. */
function generateFacts(schema: FactsSchema, seed = 0): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema).map(([field, spec]) => [field, sample(spec, seed)]),
  );
}

function sample(spec: FieldSpec, seed: number): unknown {
  if (typeof spec === 'object') {
    return [1, 2, 3].map((n) => generateFacts(spec.list, seed * 10 + n));
  }
  switch (spec) {
    case 'reference':
      return `ACT-2026-${String(42 + seed).padStart(6, '0')}`;
    case 'link':
      return `https://safeguarding.example/actions/${CASE.id.slice(0, -2)}${String(seed).padStart(2, '0')}`;
    case 'actionLink':
    case 'optionalActionLink':
      return ACTION_LINK;
    case 'instant':
      return new Date(CASE.dueAt.getTime() + seed * 86_400_000);
    case 'count':
      return seed + 1;
    case 'stage':
      return (seed % 4) + 1;
    case 'actionKind':
      return ACTION_MESSAGE_KINDS[seed % ACTION_MESSAGE_KINDS.length];
    default: {
      const unknownSpec: never = spec;
      throw new Error(`no sample for ${String(unknownSpec)}`);
    }
  }
}

const render = (kind: MessageKind, facts: unknown) =>
  renderMessage(kind, facts as MessageFacts[MessageKind]);

/** Every [path, spec] of a schema, list items included (as their first element). */
function leaves(
  schema: FactsSchema,
  path: (string | number)[] = [],
): [(string | number)[], FieldSpec][] {
  return Object.entries(schema).flatMap(([field, spec]) =>
    typeof spec === 'object'
      ? leaves(spec.list, [...path, field, 0])
      : [[[...path, field], spec] as [(string | number)[], FieldSpec]],
  );
}

function withValue(facts: Record<string, unknown>, path: (string | number)[], value: unknown) {
  const copy = structuredClone(facts);
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
  return copy;
}

/** Ways of hiding the case inside an action link, mandatory or optional. */
const SMUGGLED_ACTION_LINKS = [
  ...NEEDLES,
  `${ACTION_LINK_BASE}/links/${CASE.adult.name}`,
  `${ACTION_LINK_BASE}/links/${encodeURIComponent(CASE.adult.name)}`,
  `${ACTION_LINK_BASE}/links/${TOKEN}?adult=margaret`,
  `${ACTION_LINK_BASE}/links/${TOKEN}#${CASE.adult.name}`,
  `${ACTION_LINK_BASE}/links/${TOKEN}.${Buffer.from(CASE.adult.name).toString('base64url')}`,
  `${ACTION_LINK_BASE}/Margaret-Hollingsworth/links/${TOKEN}`,
  `${ACTION_LINK_BASE}/people/${CASE.adult.dateOfBirthIso}/links/${TOKEN}`,
  `https://priya.raman@safeguarding.example/links/${TOKEN}`,
  `https://safeguarding.example/actions/${CASE.id}`,
  `${ACTION_LINK}"><script>alert(1)</script>`,
];

/** Ways of hiding the case inside each kind of fact; every one must be refused. */
const SMUGGLED: Record<Exclude<FieldSpec, object>, unknown[]> = {
  reference: [
    ...NEEDLES,
    `${CASE.reference} ${CASE.adult.name}`,
    `${CASE.reference}\n${CASE.allegation}`,
    `${CASE.adult.name} (${CASE.reference})`,
    `${CASE.reference} ${CASE.disagreement.caseReference}`,
  ],
  link: [
    ...NEEDLES,
    `https://safeguarding.example/actions/${CASE.adult.name}`,
    `https://safeguarding.example/actions/${encodeURIComponent(CASE.adult.name)}`,
    'https://safeguarding.example/actions/Margaret-Hollingsworth',
    `https://safeguarding.example/actions?adult=Margaret+Hollingsworth`,
    `https://safeguarding.example/people/${CASE.adult.dateOfBirthIso}`,
    `https://safeguarding.example/actions/${CASE.id}#${CASE.adult.name}`,
    `https://priya.raman@safeguarding.example/actions/${CASE.id}`,
    `mailto:${CASE.practitioner.email}`,
    `https://safeguarding.example/actions/${CASE.id}"><script>alert(1)</script>`,
    `https://safeguarding.example/disagreements/${CASE.disagreement.caseReference}`,
    `https://safeguarding.example/disagreements?case=${CASE.disagreement.caseReference}`,
  ],
  actionLink: SMUGGLED_ACTION_LINKS,
  optionalActionLink: SMUGGLED_ACTION_LINKS,
  instant: [...NEEDLES, new Date(CASE.adult.dateOfBirthIso), new Date('not a date')],
  count: [...NEEDLES, -1, 1.5],
  // An NHS number or a date fits in a number; a stage is 1 to 4 and nothing else.
  stage: [...NEEDLES, 0, 5, 2.5, 9434765919, 19410312, '2'],
  actionKind: [...NEEDLES, 'digest.daily'],
};

describe('personal-data scan', () => {
  it('catches planted personal data, even escaped, encoded or re-cased (the scan can fail)', () => {
    expect(findPersonalData('Action due: ACT-2026-000042')).toEqual([]);
    expect(findPersonalData('Re: MARGARET HOLLINGSWORTH')).toEqual(
      expect.arrayContaining(['Margaret Hollingsworth', 'Margaret', 'Hollingsworth']),
    );
    expect(findPersonalData('/people/Margaret%20Hollingsworth')).toContain(CASE.adult.name);
    expect(findPersonalData('born&#x20;12&#x2F;03&#x2F;1941')).toContain(CASE.adult.dateOfBirth);
    expect(findPersonalData('Ring priya.raman&#64;northshire.nhs.uk')).toContain(
      CASE.practitioner.email,
    );

    // A real template, fed a name behind the validation's back, is caught in every part.
    const leaky = compileEmailTemplate(MESSAGE_CATALOGUE['action.due'].template)({
      title: 'Action due',
      reference: `${CASE.adult.name}'s case`,
      due: CASE.adult.dateOfBirth,
      dueIso: CASE.adult.dateOfBirthIso,
      link: 'https://safeguarding.example/actions',
      linkText: `Open ${CASE.adult.name}'s case`,
      completeLink: ACTION_LINK,
      completeLinkText: `Close ${CASE.adult.name}'s case`,
      completeLinkDays: 7,
    });
    expect(findPersonalData(leaky.subject)).toContain(CASE.adult.name);
    for (const body of [leaky.text, leaky.html]) {
      expect(findPersonalData(body)).toEqual(
        expect.arrayContaining([CASE.adult.name, CASE.adult.dateOfBirth]),
      );
    }
    expect(() => expectNoPersonalData(leaky)).toThrow();
  });

  describe.each(MESSAGE_KINDS)('%s', (kind) => {
    const schema = MESSAGE_CATALOGUE[kind].facts as FactsSchema;
    const facts = generateFacts(schema);

    it('renders with generated facts and shows nothing of the case', () => {
      const email = render(kind, facts);
      expect(email.subject.length).toBeGreaterThan(0);
      expect(email.text.length).toBeGreaterThan(0);
      expect(email.html.length).toBeGreaterThan(0);
      expectNoPersonalData(email);
    });

    it('refuses the whole case record, or facts with the case spread in', () => {
      for (const attempt of [
        { ...CASE },
        { ...facts, ...CASE.adult },
        { ...facts, note: CASE.note },
        { ...facts, ...CASE.disagreement },
      ]) {
        expect(() => render(kind, attempt)).toThrow(MessageFactsError);
      }
    });

    it.each(leaves(schema).map(([path, spec]) => [path.join('.'), path, spec] as const))(
      'refuses personal data smuggled through %s, without echoing it in the error',
      (_name, path, spec) => {
        const attempts = SMUGGLED[spec as Exclude<FieldSpec, object>];
        expect(attempts.length).toBeGreaterThan(0);
        for (const value of attempts) {
          let error: unknown;
          try {
            // Were it accepted, a leak would fail here with the leaked values named.
            expectNoPersonalData(render(kind, withValue(facts, path, value)));
          } catch (caught) {
            if (!(caught instanceof MessageFactsError)) throw caught;
            error = caught;
          }
          expect(error).toBeInstanceOf(MessageFactsError);
          expect(findPersonalData((error as Error).message)).toEqual([]);
        }
      },
    );

    it('refuses extra fields inside list items', () => {
      const lists = Object.entries(schema).filter(([, spec]) => typeof spec === 'object');
      for (const [field] of lists) {
        const items = facts[field] as Record<string, unknown>[];
        const attempt = { ...facts, [field]: [{ ...items[0], adult: CASE.adult.name }] };
        expect(() => render(kind, attempt)).toThrow(MessageFactsError);
      }
    });
  });
});
