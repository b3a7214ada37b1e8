import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { ChronologyLink, chronologyHash, nextPosition } from './chronology-hash';

const link: ChronologyLink = {
  chain: '5b0e4a52-7c1e-4f5e-9a57-1c8f0e3b2d10',
  sequence: '2',
  previousHash: 'a'.repeat(64),
  subjectType: 'action',
  subjectId: '0d7f7b9e-3f3a-4d0c-8a47-6f1f2a9b8c01',
  event: 'action.created',
  kind: 'command',
  actorId: null,
  actorAgencyId: null,
  actorRole: null,
  requestId: 'req-1',
  detail: { policyVersion: 1, dueAt: '2026-03-01T17:30:00.000Z' },
  occurredAt: new Date('2026-02-01T10:00:00.000Z'),
};

describe('chronologyHash', () => {
  it('is the hex SHA-256 of the canonical JSON of every field', () => {
    const canonical =
      '{"actorAgencyId":null,"actorId":null,"actorRole":null,' +
      '"chain":"5b0e4a52-7c1e-4f5e-9a57-1c8f0e3b2d10",' +
      '"detail":{"dueAt":"2026-03-01T17:30:00.000Z","policyVersion":1},' +
      '"event":"action.created","kind":"command","occurredAt":"2026-02-01T10:00:00.000Z",' +
      `"previousHash":"${'a'.repeat(64)}","requestId":"req-1","sequence":"2",` +
      '"subjectId":"0d7f7b9e-3f3a-4d0c-8a47-6f1f2a9b8c01","subjectType":"action"}';
    expect(chronologyHash(link)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('never changes for the same row (an independent SHA-256 gave this): chains depend on it', () => {
    expect(chronologyHash(link)).toBe(
      'e6cd10b5012875f227bc6e54c3710a6426edf5d2e66ab1978bc091a4dad9807f',
    );
  });

  it('changes when any field changes', () => {
    const changes: Partial<ChronologyLink>[] = [
      { chain: 'directory' },
      { sequence: '3' },
      { previousHash: null },
      { subjectType: 'person' },
      { subjectId: '0d7f7b9e-3f3a-4d0c-8a47-6f1f2a9b8c02' },
      { event: 'action.completed' },
      { kind: 'read' },
      { actorId: '0d7f7b9e-3f3a-4d0c-8a47-6f1f2a9b8c03' },
      { actorAgencyId: '0d7f7b9e-3f3a-4d0c-8a47-6f1f2a9b8c04' },
      { actorRole: 'designated-safeguarding-lead' },
      { requestId: 'req-2' },
      { detail: { policyVersion: 2, dueAt: '2026-03-01T17:30:00.000Z' } },
      { occurredAt: new Date('2026-02-01T10:00:00.001Z') },
    ];
    const hashes = changes.map((change) => chronologyHash({ ...link, ...change }));
    expect(new Set([chronologyHash(link), ...hashes]).size).toBe(changes.length + 1);
  });

  it('ignores fields that are not part of the row content, such as the id and stored hash', () => {
    expect(chronologyHash({ ...link, id: '17', hash: 'x' } as ChronologyLink)).toBe(
      chronologyHash(link),
    );
  });

  it('does not depend on the key order of the detail', () => {
    const reordered = { ...link, detail: { dueAt: link.detail.dueAt, policyVersion: 1 } };
    expect(chronologyHash(reordered)).toBe(chronologyHash(link));
    expect(canonicalJson(reordered.detail)).toBe(canonicalJson(link.detail));
  });
});

describe('nextPosition', () => {
  it('starts a chain at 1 with no previous hash', () => {
    expect(nextPosition('directory', undefined)).toEqual({
      chain: 'directory',
      sequence: '1',
      previousHash: null,
    });
  });

  it('follows the last row, beyond the range of a JavaScript number', () => {
    expect(nextPosition('directory', { sequence: '9007199254740993', hash: 'h' })).toEqual({
      chain: 'directory',
      sequence: '9007199254740994',
      previousHash: 'h',
    });
  });
});
