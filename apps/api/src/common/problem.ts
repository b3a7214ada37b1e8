import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** One bad field in a request: which one, and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error this API returns. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  requestId?: string;
}

const PROBLEM_TYPE_BASE = 'urn:safeguarding:problem:';

export const ProblemType = {
  validation: `${PROBLEM_TYPE_BASE}validation`,
  notFound: `${PROBLEM_TYPE_BASE}not-found`,
  methodNotAllowed: `${PROBLEM_TYPE_BASE}method-not-allowed`,
  stageConflict: `${PROBLEM_TYPE_BASE}stage-conflict`,
  conflict: `${PROBLEM_TYPE_BASE}conflict`,
  unavailable: `${PROBLEM_TYPE_BASE}unavailable`,
  tooLarge: `${PROBLEM_TYPE_BASE}too-large`,
  unsupportedMediaType: `${PROBLEM_TYPE_BASE}unsupported-media-type`,
  rateLimited: `${PROBLEM_TYPE_BASE}rate-limited`,
  unauthenticated: `${PROBLEM_TYPE_BASE}unauthenticated`,
  forbidden: `${PROBLEM_TYPE_BASE}forbidden`,
  internal: `${PROBLEM_TYPE_BASE}internal`,
  // Why an action link from an email cannot act (apps/api/src/action-links/link-answers.ts).
  linkInvalid: `${PROBLEM_TYPE_BASE}link-invalid`,
  linkExpired: `${PROBLEM_TYPE_BASE}link-expired`,
  linkUsed: `${PROBLEM_TYPE_BASE}link-used`,
  linkNotYours: `${PROBLEM_TYPE_BASE}link-not-yours`,
  actionCompleted: `${PROBLEM_TYPE_BASE}action-completed`,
  actionCancelled: `${PROBLEM_TYPE_BASE}action-cancelled`,
} as const;

/**
 * Errors raised outside our code (the body parser, Nest's router) know only their status.
 * Each status they are known to have gets its own problem type here; any other is `about:blank`
 * with the status's own title, as RFC 9457 §4.2.1 provides.
 */
const PROBLEMS_BY_STATUS: Partial<Record<number, Pick<ProblemDetails, 'type' | 'title'>>> = {
  [HttpStatus.BAD_REQUEST]: { type: ProblemType.validation, title: 'The request is not valid' },
  [HttpStatus.NOT_FOUND]: { type: ProblemType.notFound, title: 'Not found' },
  [HttpStatus.METHOD_NOT_ALLOWED]: {
    type: ProblemType.methodNotAllowed,
    title: 'The method is not allowed on this resource',
  },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    type: ProblemType.tooLarge,
    title: 'The request body is too large',
  },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    type: ProblemType.unsupportedMediaType,
    title: 'The request body is in an unsupported encoding',
  },
};

/** The problem for an error known only by its status, with a detail that is safe to show. */
export function problemForStatus(status: number, detail: string | undefined): ProblemDetails {
  const known = PROBLEMS_BY_STATUS[status] ?? {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
  };
  return { ...known, status, ...(detail === undefined ? {} : { detail }) };
}

/** An error that already knows its problem type, so controllers never build responses by hand. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Omit<ProblemDetails, 'instance' | 'requestId'>) {
    super(problem, problem.status);
  }

  static invalid(errors: FieldProblem[], status = HttpStatus.BAD_REQUEST): ProblemException {
    return new ProblemException({
      type: ProblemType.validation,
      title: 'The request is not valid',
      status,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    });
  }

  /** Well-formed input that refers to something that does not exist or cannot be used. */
  static unprocessable(field: string, message: string): ProblemException {
    return ProblemException.invalid([{ field, message }], HttpStatus.UNPROCESSABLE_ENTITY);
  }

  static unauthenticated(detail: string): ProblemException {
    return new ProblemException({
      type: ProblemType.unauthenticated,
      title: 'Authentication required',
      status: HttpStatus.UNAUTHORIZED,
      detail,
    });
  }

  static forbidden(detail: string): ProblemException {
    return new ProblemException({
      type: ProblemType.forbidden,
      title: 'Not allowed',
      status: HttpStatus.FORBIDDEN,
      detail,
    });
  }

  static notFound(what: string): ProblemException {
    return new ProblemException({
      type: ProblemType.notFound,
      title: 'Not found',
      status: HttpStatus.NOT_FOUND,
      detail: `No ${what} with this id`,
    });
  }

  static stageConflict(reason: string): ProblemException {
    return new ProblemException({
      type: ProblemType.stageConflict,
      title: 'The command does not fit the current stage',
      status: HttpStatus.CONFLICT,
      detail: reason,
    });
  }

  static conflict(field: string, message: string): ProblemException {
    return new ProblemException({
      type: ProblemType.conflict,
      title: 'Conflict with an existing record',
      status: HttpStatus.CONFLICT,
      detail: `${field}: ${message}`,
      errors: [{ field, message }],
    });
  }

  static rateLimited(retryAfterSeconds: number): ProblemException {
    return new ProblemException({
      type: ProblemType.rateLimited,
      title: 'Too many requests',
      status: HttpStatus.TOO_MANY_REQUESTS,
      detail: `Too many requests from this client; try again in ${retryAfterSeconds} s.`,
    });
  }

  static unavailable(detail: string): ProblemException {
    return new ProblemException({
      type: ProblemType.unavailable,
      title: 'A service this request needs is unavailable',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail,
    });
  }
}
