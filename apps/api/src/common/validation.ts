import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { isISO8601, Matches, ValidateBy } from 'class-validator';
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
 * A name (of a person, an agency, a partnership) as people read it: no control characters and
 * no invisible format characters (zero-width spaces and joiners, direction overrides), which
 * would let two names look the same, or hide text in a list.
 */
export function IsPlainName(): PropertyDecorator {
  return Matches(/^[^\p{Cc}\p{Cf}]*$/u, {
    message: (args) =>
      `${args.property} must not contain control or invisible formatting characters`,
  });
}

/** An instant with its date and time in full: "2026-12-04T17:30:00Z". */
export const ISO_INSTANT = { strict: true, strictSeparator: true } as const;

/** Notes and reasons: room for a paragraph, not for a document. */
export const TEXT_MAX = 2000;

/** A calendar date that exists, as "YYYY-MM-DD" (a birthday, a period under review). */
export function IsLocalDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isLocalDate',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        isISO8601(value, { strict: true }),
      defaultMessage: (args) => `${args?.property} must be a date as YYYY-MM-DD`,
    },
  });
}

/**
 * A case's reference in the case-holding agency's own system ("S42-2026-000123"): letters,
 * digits, - and /, up to 40, so it can never carry a name or a sentence.
 */
export function IsCaseReference(): PropertyDecorator {
  return Matches(/^[A-Za-z0-9][A-Za-z0-9/-]{0,39}$/, {
    message: (args) =>
      `${args.property} must be a case reference: letters, digits, - and /, up to 40`,
  });
}
