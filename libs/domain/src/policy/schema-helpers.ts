import { z } from 'zod';

/**
 * Messages are written for the board business manager who edits the policy, so every leaf
 * schema carries its own wording instead of zod's "Expected number, received string".
 * Missing values are worded centrally in validate-policy.ts.
 */
export function saying(message: string): { errorMap: z.ZodErrorMap } {
  return { errorMap: () => ({ message }) };
}

export function wholeNumber(min: number, max: number, unit: string) {
  const message = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.number(saying(message)).int(message).min(min, message).max(max, message);
}

/** Strict so that a misspelt property is refused rather than silently ignored. */
export function strictObject<T extends z.ZodRawShape>(
  shape: T,
  unknownKeyMessage = 'unknown property',
) {
  return z.object(shape, saying('must be an object')).strict(unknownKeyMessage);
}

/** Zod reports a failed union as one opaque issue; this gives it a message a person can act on. */
export function unionSaying(message: string): { errorMap: z.ZodErrorMap } {
  return {
    errorMap: (issue, ctx) => {
      if (ctx.data === undefined) return { message: 'is required' };
      return { message: issue.code === 'invalid_union' ? message : ctx.defaultError };
    },
  };
}

export function singleLineText(maxLength: number) {
  const message = `must be text of 1 to ${maxLength} characters on one line`;
  return z
    .string(saying(message))
    .min(1, message)
    .max(maxLength, message)
    .regex(/\S/, message)
    .regex(/^[^\r\n]*$/, message);
}
