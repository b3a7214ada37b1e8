import { applyDecorators, HttpStatus, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblemResponses } from '../api-problem-responses';
import { IdempotencyInterceptor, KEY_FORMAT } from './idempotency.interceptor';

/** Marks a creating POST as safe to retry with an Idempotency-Key header. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', pattern: KEY_FORMAT.source },
      description:
        'Any unique string (e.g. a UUID) of printable ASCII characters. Retrying with the same key and body returns the first result instead of creating twice.',
    }),
    ApiProblemResponses(
      HttpStatus.BAD_REQUEST,
      HttpStatus.CONFLICT,
      HttpStatus.UNPROCESSABLE_ENTITY,
    ),
  );
}
