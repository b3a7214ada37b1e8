import { DECORATORS } from '@nestjs/swagger';
import type { FieldProblem } from './problem';

/**
 * What every request body and query must be before class-transformer and class-validator see
 * it, so bad input is a 400 naming the field instead of a 500 from deeper down:
 * - nested no deeper than a policy document needs (validation recurses, and a few thousand
 *   levels overflow the stack);
 * - no control characters in any text apart from tab and line breaks (Postgres cannot store a
 *   NUL, and the rest are never meant);
 * - `null` only where the DTO documents the field as nullable: `@IsOptional()` lets null
 *   through, and a null that reaches a NOT NULL column is a 500.
 * The walk is iterative, so no input can overflow it.
 */
export const MAX_REQUEST_DEPTH = 32;

// Every Unicode control character (Cc) except tab, line feed and carriage return.
const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const CONTROL_CHARACTER = new RegExp(`[${CONTROL_CHARACTERS}]`);

/** The same rule as a JSON Schema `pattern`, for the OpenAPI document (common/api-document.ts). */
export const TEXT_PATTERN = `^[^${CONTROL_CHARACTERS}]*$`;

interface Pending {
  value: unknown;
  field: string;
  depth: number;
  dto: DtoClass | undefined;
}

type DtoClass = abstract new (...args: never[]) => unknown;

interface PropertyDoc {
  nullable?: boolean;
  type?: unknown;
}

export function requestShapeProblems(input: unknown, dto: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Pending[] = [{ value: input, field: '', depth: 0, dto: dtoClassOf(dto) }];
  while (pending.length > 0 && problems.length < 10) {
    const { value, field, depth, dto: owner } = pending.pop() as Pending;
    if (typeof value === 'string') {
      if (CONTROL_CHARACTER.test(value)) {
        problems.push({
          field: field || 'body',
          message: `${field || 'body'} must not contain control characters other than tab and line breaks`,
        });
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_REQUEST_DEPTH) {
      problems.push({
        field: field || 'body',
        message: `${field || 'body'} is nested deeper than ${MAX_REQUEST_DEPTH} levels`,
      });
      continue;
    }
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    for (const [key, item] of entries) {
      const path = field ? `${field}.${key}` : key;
      // Array items share the array's DTO: `actions.0` is an AgreedActionDto like `actions.1`.
      const doc = Array.isArray(value) ? undefined : propertyDoc(owner, key);
      if (item === null && doc !== undefined && !doc.nullable) {
        problems.push({ field: path, message: `${path} must not be null` });
        continue;
      }
      const itemDto = Array.isArray(value) ? owner : dtoClassOf(doc?.type);
      pending.push({ value: item, field: path, depth: depth + 1, dto: itemDto });
    }
  }
  return problems;
}

function propertyDoc(dto: DtoClass | undefined, key: string): PropertyDoc | undefined {
  if (!dto) return undefined;
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, key) as
    PropertyDoc | undefined;
}

/** A documented DTO class from a swagger `type` (a class, `() => Class` or `[Class]`). */
function dtoClassOf(type: unknown): DtoClass | undefined {
  const candidate = Array.isArray(type) ? type[0] : type;
  if (typeof candidate !== 'function') return undefined;
  if (!candidate.prototype) return dtoClassOf((candidate as () => unknown)());
  return Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, candidate.prototype)
    ? (candidate as DtoClass)
    : undefined;
}
