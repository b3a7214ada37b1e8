import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ProblemException } from './problem';

/** Flattens class-validator's tree into one entry per offending field, with dotted paths. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Whitelisting and forbidding unknown properties is what makes mass assignment impossible. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ProblemException.invalid(fieldProblems(errors)),
  });
}
