import { HttpStatus, Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ApiParam, type ApiParamOptions } from '@nestjs/swagger';
import { ApiProblemResponses } from './api-problem-responses';
import { ProblemException } from './problem';

/**
 * A path parameter checked by `pipe`, which answers 400 naming it when it is wrong. Its
 * operation's document says both: what the parameter accepts, and the 400.
 */
export function ValidatedParam(
  parameter: ApiParamOptions & { name: string },
  pipe: PipeTransform<string>,
): ParameterDecorator {
  const param = Param(parameter.name, pipe);
  const documentation = [ApiParam(parameter), ApiProblemResponses(HttpStatus.BAD_REQUEST)];
  return (target, key, index) => {
    param(target, key, index);
    // A parameter decorator sees its method by name: the documentation goes on the method.
    const method = Object.getOwnPropertyDescriptor(target, key as string | symbol);
    if (method) documentation.forEach((decorate) => decorate(target, key as string, method));
  };
}

/** A path id that must be a UUID. */
export function UuidParam(name: string): ParameterDecorator {
  return ValidatedParam(
    { name, type: String, format: 'uuid' },
    new ParseUUIDPipe({
      exceptionFactory: () =>
        ProblemException.invalid([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
}
