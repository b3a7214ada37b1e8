/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does), so the same value always
 * gives the same text and therefore the same hash, whatever order its keys were built in.
 * Otherwise it follows JSON.stringify: toJSON is honoured (dates become ISO strings), undefined
 * properties are left out, and non-finite numbers become null, exactly as they would be stored.
 */
export function canonicalJson(value: unknown): string {
  const text = serialise(value);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return text;
}

function serialise(input: unknown): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no JSON form');
    case 'object':
      return Array.isArray(value) ? serialiseArray(value) : serialiseObject(value);
    default:
      return undefined;
  }
}

function serialiseArray(values: unknown[]): string {
  return `[${values.map((item) => serialise(item) ?? 'null').join(',')}]`;
}

function serialiseObject(object: object): string {
  const members = Object.keys(object)
    .sort()
    .flatMap((key) => {
      const text = serialise((object as Record<string, unknown>)[key]);
      return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
    });
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
