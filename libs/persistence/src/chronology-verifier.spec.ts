import { ChronologyLink, chronologyHash, nextPosition } from './chronology-hash';
import { checkLink } from './chronology-verifier';

type Row = ChronologyLink & { hash: string };

/** A well-formed chain of n rows, built as appendChronology builds it. */
function chain(n: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i += 1) {
    const link: ChronologyLink = {
      ...nextPosition('directory', rows.at(-1)),
      subjectType: 'person',
      subjectId: '0d7f7b9e-3f3a-4d0c-8a47-6f1f2a9b8c01',
      event: `person.event-${i}`,
      kind: 'command',
      actorId: null,
      actorAgencyId: null,
      actorRole: null,
      requestId: null,
      detail: { step: i },
      occurredAt: new Date(Date.UTC(2026, 0, 1, 9, i)),
    };
    rows.push({ ...link, hash: chronologyHash(link) });
  }
  return rows;
}

/** The first problem found walking the rows in order, as the verifier walks them. */
function firstProblem(rows: Row[]): { index: number; reason: string } | undefined {
  for (let index = 0; index < rows.length; index += 1) {
    const reason = checkLink(rows[index - 1], rows[index]);
    if (reason) return { index, reason };
  }
  return undefined;
}

describe('checkLink', () => {
  it('accepts an intact chain', () => {
    expect(firstProblem(chain(4))).toBeUndefined();
  });

  it('finds an edited row by its own hash', () => {
    const rows = chain(4);
    rows[2] = { ...rows[2], detail: { step: 99 } };
    expect(firstProblem(rows)).toEqual({ index: 2, reason: 'hash mismatch' });
  });

  it('finds an edited row whose hash was recomputed by the link after it', () => {
    const rows = chain(4);
    const edited = { ...rows[1], event: 'person.forged' };
    rows[1] = { ...edited, hash: chronologyHash(edited) };
    expect(firstProblem(rows)).toEqual({ index: 2, reason: 'previous hash mismatch' });
  });

  it('finds a removed row as a sequence gap', () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(firstProblem(rows)).toEqual({ index: 1, reason: 'sequence gap' });
  });

  it('finds a chain that no longer starts at 1', () => {
    expect(firstProblem(chain(3).slice(1))).toEqual({ index: 0, reason: 'sequence gap' });
  });
});
