import { applyDecorators, ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiProperty, ApiSchema, type ApiSchemaOptions, type SchemaObject } from '@nestjs/swagger';
import {
  endOfWorkingDayOn,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  type WorkingHours,
} from '@safeguard/domain';
import { Matches, ValidateBy } from 'class-validator';
import { FieldProblem, ProblemException } from './problem';
import { requestShapeProblems } from './request-shape';

/** Flattens class-validator's tree into one entry per offending field, with dotted paths. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Whitelisting and forbidding unknown properties is what makes mass assignment impossible. The
 * shape of a body or query (depth, control characters, nulls) is checked first, because
 * class-transformer and the database fail on those with a 500 rather than a problem.
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = requestShapeProblems(value, metadata.metatype);
      if (problems.length > 0) throw ProblemException.invalid(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ProblemException.invalid(fieldProblems(errors)),
  });
}

/**
 * Our own validators document themselves: what one accepts is merged into the property's
 * @ApiProperty (in whichever order the two are written), so the two cannot drift apart.
 */
function documented(
  validator: PropertyDecorator,
  schema: Pick<SchemaObject, 'format' | 'pattern'>,
): PropertyDecorator {
  return applyDecorators(validator, ApiProperty(schema));
}

const PLAIN_NAME = /^[^\p{Cc}\p{Cf}]*$/u;

/**
 * A name (of a person, an agency, a partnership) as people read it: no control characters and
 * no invisible format characters (zero-width spaces and joiners, direction overrides), which
 * would let two names look the same, or hide text in a list.
 */
export function IsPlainName(): PropertyDecorator {
  return documented(
    Matches(PLAIN_NAME, {
      message: (args) =>
        `${args.property} must not contain control or invisible formatting characters`,
    }),
    { pattern: `^[^${basicPlaneCharactersRefusedBy(PLAIN_NAME)}]*$` },
  );
}

/**
 * The characters of the Basic Multilingual Plane a one-character pattern refuses, as a regex
 * class body. The document lists them because `\p{…}` is not portable (schemathesis, in Python,
 * cannot read it); the few beyond that plane (rare format controls) cannot be written portably.
 */
function basicPlaneCharactersRefusedBy(pattern: RegExp): string {
  const hex = (code: number) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const ranges: string[] = [];
  for (let code = 0; code <= 0xffff; code += 1) {
    if (pattern.test(String.fromCharCode(code))) continue;
    let last = code;
    while (last < 0xffff && !pattern.test(String.fromCharCode(last + 1))) last += 1;
    ranges.push(last === code ? hex(code) : `${hex(code)}-${hex(last)}`);
    code = last;
  }
  return ranges.join('');
}

/** Whether a year, month and day name a day of the calendar (no 31 June), in years 1 to 9999. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/**
 * The years an instant may fall in: those the UK calendar covers (FIRST_SUPPORTED_YEAR to
 * LAST_SUPPORTED_YEAR), less one at each end, so that an offset or the reminders after a date
 * stay inside it. validation.spec.ts checks the two agree.
 */
const INSTANT_YEARS = '197[1-9]|19[89]\\d|20\\d\\d|21[0-8]\\d|219[0-8]';

/** RFC 3339, with upper-case T and Z; the hour, minute and second within their ranges. */
const INSTANT = new RegExp(
  `^(${INSTANT_YEARS})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$`,
);

/**
 * An instant with its date, its time and its offset from UTC, in full: "2026-12-04T17:30:00Z".
 * Without an offset it would be read in the server's own time zone.
 */
export function IsInstant(): PropertyDecorator {
  return documented(
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => {
          const match = typeof value === 'string' ? INSTANT.exec(value) : null;
          return match !== null && isCalendarDay(+match[1], +match[2], +match[3]);
        },
        defaultMessage: (args) =>
          `${args?.property} must be an instant with its date, time and offset, like 2026-12-04T17:30:00Z, in a year from ${FIRST_SUPPORTED_YEAR + 1} to ${LAST_SUPPORTED_YEAR - 1}`,
      },
    }),
    { format: 'date-time', pattern: INSTANT.source },
  );
}

/** A day in the years an instant may fall in. */
const DUE_DAY = new RegExp(`^(${INSTANT_YEARS})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`);

/**
 * A due date as an instant (as IsInstant), or as a day, "YYYY-MM-DD", meaning the end of that
 * working day in the item's partnership (resolved by `dueInstant`): people pick a day, programs
 * may name the minute.
 */
export function IsDueDate(): PropertyDecorator {
  return documented(
    ValidateBy({
      name: 'isDueDate',
      validator: {
        validate: (value: unknown) => {
          const match =
            typeof value === 'string' ? (INSTANT.exec(value) ?? DUE_DAY.exec(value)) : null;
          return match !== null && isCalendarDay(+match[1], +match[2], +match[3]);
        },
        defaultMessage: (args) =>
          `${args?.property} must be a real date, like 2026-12-04, or an instant with its time and offset, like 2026-12-04T17:30:00Z, in a year from ${FIRST_SUPPORTED_YEAR + 1} to ${LAST_SUPPORTED_YEAR - 1}`,
      },
    }),
    { pattern: `${INSTANT.source}|${DUE_DAY.source}` },
  );
}

/** The instant an `IsDueDate` value means, a day read under the partnership's working hours. */
export function dueInstant(value: string, workingDay: WorkingHours): Date {
  const day = DUE_DAY.exec(value);
  if (!day) return new Date(value);
  return endOfWorkingDayOn({ year: +day[1], month: +day[2], day: +day[3] }, workingDay);
}

/** Notes and reasons: room for a paragraph, not for a document. */
export const TEXT_MAX = 2000;

const LOCAL_DATE = /^(?!0000)(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A date as "YYYY-MM-DD" (a birthday, a period under review), one in the calendar from year 1. */
export function IsLocalDate(): PropertyDecorator {
  return documented(
    ValidateBy({
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => {
          const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
          return match !== null && isCalendarDay(+match[1], +match[2], +match[3]);
        },
        defaultMessage: (args) => `${args?.property} must be a date as YYYY-MM-DD`,
      },
    }),
    // Year 0 is a valid RFC 3339 date, but no date in Postgres.
    { format: 'date', pattern: LOCAL_DATE.source },
  );
}

const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/-]{0,39}$/;

/**
 * A case's reference in the case-holding agency's own system ("S42-2026-000123"): letters,
 * digits, - and /, up to 40, so it can never carry a name or a sentence.
 */
export function IsCaseReference(): PropertyDecorator {
  return documented(
    Matches(CASE_REFERENCE, {
      message: (args) =>
        `${args.property} must be a case reference: letters, digits, - and /, up to 40`,
    }),
    { pattern: CASE_REFERENCE.source },
  );
}

/**
 * Rules between a DTO's fields (what its @ValidateIf conditions say), written into the DTO's
 * documented schema as `allOf`, so that the document requires what validation requires.
 */
export function ApiFieldRules(...rules: SchemaObject[]): ClassDecorator {
  // @ApiSchema spreads its options into the class's schema; its type admits only a name and a description.
  return ApiSchema({ allOf: rules } as ApiSchemaOptions);
}
