import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever order the keys were built in', () => {
    expect(canonicalJson({ status: 'due', version: 2 })).toBe(
      canonicalJson({ version: 2, status: 'due' }),
    );
  });

  it('sorts integer-like keys as text, which plain objects do not', () => {
    expect(canonicalJson({ 2: 'b', 10: 'a', x: 'c' })).toBe('{"10":"a","2":"b","x":"c"}');
  });

  it('sorts by UTF-16 code units', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3 })).toBe('{"Z":3,"z":2,"é":1}');
  });

  it('agrees with JSON.stringify on what is stored: dates, undefined, non-finite numbers', () => {
    const value = {
      at: new Date('2026-03-01T09:30:00.000Z'),
      gone: undefined,
      list: [undefined, NaN, Infinity],
      text: 'quote " and \\ and \n',
    };
    expect(canonicalJson(value)).toBe(
      '{"at":"2026-03-01T09:30:00.000Z","list":[null,null,null],"text":"quote \\" and \\\\ and \\n"}',
    );
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ big: 1n })).toThrow(TypeError);
  });
});
